"""Phone numbers are validated on save (issue 18): North American numbering or a 3-digit
service number; the call link is derived from the digits, never typed. Help lines and places
to go follow the same rule, on every path that writes them."""

import pytest
import yaml
from django.core.exceptions import ValidationError

from services.content.loader import DEFAULT_CONTENT, read_content, seed_content
from services.models import AccessPoint, Region
from services.models.phones import validate_phone_number, validate_text_number

from . import factories
from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db

GOOD = ["18662773553", "5146001002", "811", "911", "988", "211", "14186884240"]
BAD = [
    "1911",
    "5550100",  # 7 digits: no area code
    "18000001234",  # exchange starting with 0
    "12345",
    "1012345678",  # area code starting with 1
    "9115550123",  # area code N11
    "5149111234",  # exchange N11
    "0114186884240",
    "999",
]


@pytest.mark.parametrize("number", GOOD)
def test_callable_numbers_are_accepted(number):
    validate_phone_number(number)


@pytest.mark.parametrize("number", BAD)
def test_numbers_one_cannot_dial_here_are_refused(number):
    with pytest.raises(ValidationError):
        validate_phone_number(number)


def test_a_text_number_may_be_a_short_code_but_not_anything():
    validate_text_number("535353")
    with pytest.raises(ValidationError):
        validate_text_number("1234")


def a_place():
    """A place to go with a phone number, in a region."""
    return factories.access_point(factories.region())


@pytest.mark.parametrize("phone", ["call us", "12345", "555-0100", "1 800 000 1234", "1911"])
def test_a_place_to_go_refuses_a_number_one_cannot_dial(reviewer, phone):
    """The kind of fault the help lines already refused: places to go took any text."""
    point = a_place()
    data = form_data(reviewer, point) | {"phone": phone}
    response = reviewer.post(change(point), data)
    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors


def test_a_place_to_go_stores_digits_and_derives_the_call_link(reviewer):
    point = a_place()
    data = form_data(reviewer, point) | {"phone": "1 418 688-4240"}
    assert reviewer.post(change(point), data).status_code == 302
    point.refresh_from_db()
    assert (point.phone, point.tel_href) == ("14186884240", "tel:+14186884240")


def test_a_regions_inline_place_refuses_a_bad_number(reviewer):
    point = a_place()
    region = point.region
    data = form_data(reviewer, region)
    prefix = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(point.pk))
    data[prefix.replace("-id", "-phone")] = "12345"
    response = reviewer.post(change(region), data)
    assert response.status_code == 200
    assert Region.objects.get(pk=region.pk)  # nothing saved
    point.refresh_from_db()
    assert point.phone != "12345"


@pytest.mark.content  # an update of the seeded places
def test_seed_content_refuses_a_bad_number_in_an_update(tmp_path):
    content = read_content(DEFAULT_CONTENT)
    record = next(r for r in content["access_points"] if r.get("phone"))
    record["phone"] = "12345"
    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        seed_content(path)
    assert AccessPoint.objects.get(key=record["key"]).phone != "12345"

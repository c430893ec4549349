"""Compiled catalogues: missing or stale ones stop start-up; a fresh checkout compiles them."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from orientation_site.checks import check_compiled_catalogues

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def locale(tmp_path):
    """A copy of the project's catalogues, compiled, in a folder of the test's own."""
    for po in (ROOT / "locale").glob("*/LC_MESSAGES/django.po"):
        target = tmp_path / po.relative_to(ROOT / "locale")
        target.parent.mkdir(parents=True)
        shutil.copy(po, target)
        subprocess.run(["msgfmt", "-o", target.with_suffix(".mo"), target], check=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield tmp_path


def test_compiled_catalogues_pass(locale):
    assert check_compiled_catalogues() == []
    call_command("check", verbosity=0)


def test_a_missing_catalogue_fails_the_check_with_a_clear_message(locale):
    (locale / "fr/LC_MESSAGES/django.mo").unlink()
    errors = check_compiled_catalogues()
    assert [error.id for error in errors] == ["orientation.E001"]
    assert "fr/LC_MESSAGES/django.mo is missing" in errors[0].msg
    assert "make messages-compiled" in errors[0].hint
    with pytest.raises(SystemCheckError):
        call_command("check", verbosity=0)


def test_a_catalogue_older_than_its_source_fails_the_check(locale):
    mo = locale / "en/LC_MESSAGES/django.mo"
    old = mo.stat().st_mtime - 60
    os.utime(mo, (old, old))
    assert [error.id for error in check_compiled_catalogues()] == ["orientation.E002"]


def test_gunicorn_refuses_to_start_without_the_catalogues(tmp_path):
    """The WSGI module runs the same check: gunicorn runs none of Django's."""
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tests.settings';"
        "import django; django.setup();"
        "from django.test.utils import override_settings;"
        f"override_settings(LOCALE_PATHS=[{str(tmp_path)!r}]).enable();"
        "import orientation_site.wsgi"
    )
    po = tmp_path / "fr/LC_MESSAGES/django.po"
    po.parent.mkdir(parents=True)
    shutil.copy(ROOT / "locale/fr/LC_MESSAGES/django.po", po)
    result = subprocess.run(
        [Path(os.sys.executable), "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "django.mo is missing" in result.stderr


def test_make_install_on_a_fresh_checkout_compiles_the_catalogues(tmp_path):
    """The README's fast tests (`make install`, then pytest) need the .mo files."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        source = ROOT / name.decode()
        if source.is_file():
            target = tmp_path / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    plan = subprocess.run(
        ["make", "-n", "install"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    ).stdout
    for po in (ROOT / "locale").glob("*/LC_MESSAGES/django.po"):
        relative = po.relative_to(ROOT)
        assert f"msgfmt --check-format -o {relative.with_suffix('.mo')} {relative}" in plan

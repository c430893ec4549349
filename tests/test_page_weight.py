"""The home page stays light (issue 15: ≤ 30 kB compressed, everything it loads included)."""

import gzip
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "static"
# What every public page loads besides its HTML (base.html): one stylesheet, one script, an icon.
ASSETS = ["css/site.css", "js/site.js", "img/favicon.svg"]
BUDGET = 30 * 1000  # bytes, compressed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_weighs_at_most_30_kb_compressed(client, language):
    response = client.get(f"/{language}/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    html = len(response.content)
    assets = sum(len(gzip.compress((STATIC / name).read_bytes(), 9)) for name in ASSETS)
    assert html + assets <= BUDGET, {"html": html, "assets": assets}

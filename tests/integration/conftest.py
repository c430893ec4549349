"""Fixtures shared by the tests that start real servers."""

import os
import shutil

import pytest


@pytest.fixture
def nginx_binary():
    """Skips the test without Debian's nginx; fails it in CI, where .ci/run installs it."""
    if shutil.which("nginx") is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: .ci/run installs Debian's nginx")
        pytest.skip("needs Debian's nginx (apt-get install nginx)")

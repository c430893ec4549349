"""compose.yaml: nginx in front, gunicorn never exposed, the shipped nginx config (issue 14, 12).

CI also validates the file with Debian's `docker-compose -f compose.yaml config` (.ci/run).
"""

import re
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]


def test_only_nginx_publishes_a_port():
    services = compose()
    assert [name for name, service in services.items() if service.get("ports")] == ["nginx"]


def test_nginx_uses_the_shipped_config_and_reaches_every_instance():
    services = compose()
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["nginx"]["volumes"]
    upstream = set(
        re.findall(r"^\s*server (\S+:\d+)", (ROOT / "deploy/nginx.conf").read_text(), re.M)
    )
    apps = {name: s for name, s in services.items() if "GUNICORN_BIND" in s.get("environment", {})}
    assert {s["environment"]["GUNICORN_BIND"] for s in apps.values()} == upstream
    for service in apps.values():
        assert service["network_mode"] == "service:nginx"
        assert service["environment"]["DJANGO_ADMIN_MFA"] == "1"


def test_postgresql_and_redis_back_the_instances():
    services = compose()
    environment = services["app1"]["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["REDIS_URL"].startswith("redis://cache:")
    assert services["db"]["image"].startswith("postgres:")
    assert services["cache"]["image"].startswith("redis:")

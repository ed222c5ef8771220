"""The OpenAPI schema generates and validates without a single warning."""
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_spectacular_validates_without_warnings(tmp_path):
    # --fail-on-warn turns any warning into an error (SystemExit).
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/meetings/" in (tmp_path / "schema.yaml").read_text()


def test_schema_is_served(api_client):
    response = api_client.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert "/api/persons/{id}/meetings/" in response.json()["paths"]


def test_docs_page_uses_local_assets_only(api_client):
    page = api_client.get("/api/docs/").content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()

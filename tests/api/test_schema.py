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


def test_every_operation_documents_the_errors_it_answers_on_purpose(api_client):
    """A client (and schemathesis) can tell a documented 400 or 409 from a bug."""
    paths = api_client.get("/api/schema/?format=json").json()["paths"]
    operations = [(method, operation) for path in paths.values() for method, operation in path.items()]
    assert len(operations) > 20
    for method, operation in operations:
        expected = {"400", "401", "403", "404", "429", "503"} | ({"409"} if method == "delete" else set())
        assert expected <= set(operation["responses"]), (method, operation["operationId"])
        assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"}


def test_an_address_under_api_that_no_endpoint_answers_is_a_json_404(api_client):
    response = api_client.get("/api/agreements/%C2%84/")
    assert (response.status_code, response["Content-Type"], response.json()) == (
        404, "application/json", {"detail": "Not found."})
    assert "text/html" in api_client.get("/no-such-page/")["Content-Type"]  # outside the API, Django's page

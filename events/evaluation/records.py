"""What the REST API serves, read in-process with DRF's test client: the records the evaluation scores."""
from __future__ import annotations

ENDPOINTS = ("persons", "meetings", "agreements")
MAX_PAGES = 10_000


def api_records() -> dict[str, list[dict]]:
    from rest_framework.test import APIClient

    client = APIClient()
    records: dict[str, list[dict]] = {}
    for endpoint in ENDPOINTS:
        url, items = f"/api/{endpoint}/?page_size=500", []
        for _ in range(MAX_PAGES):
            body = client.get(url, HTTP_HOST="localhost", format="json").json()
            if isinstance(body, list):
                items += body
                break
            items += body.get("results", [])
            url = body.get("next")
            if not url:
                break
        records[endpoint] = items
    return records

"""The API's OpenAPI schema says what every operation may answer, errors included.

drf-spectacular documents the success only, so a client (or schemathesis) reading the schema could not tell a
documented 400 from a bug. The errors below are the ones the API gives on purpose: a bad parameter or body
(400), credentials missing or wrong (401), a permission the user lacks (403), no such record or page (404), a
delete that would lose curated data (409), throttled (429), the query stopped by the statement timeout (503).
"""
from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "description": "`detail` says what went wrong; a rejected body or parameter maps each field to its errors.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}

ALWAYS = {
    "400": "A query parameter (or the body) is unknown or has a bad value; the answer names it.",
    "401": "Credentials were sent but are not valid, or a write was tried without any.",
    "403": "The user lacks the permission this needs.",
    "429": "Too many requests from this client: wait the number of seconds in Retry-After.",
    "503": "The query took too long and was stopped; narrow the filters or the page size.",
}
NOT_FOUND = "No such record, or no such page."
CONFLICT = "The record is still in use (the answer says by what); a duplicate is merged instead."
METHODS = {"get", "put", "patch", "post", "delete", "head", "options", "trace"}


def document_errors(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS entry: add the error answers to every operation, and the Error component."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    error = {"$ref": "#/components/schemas/Error"}
    operations = [(method, operation) for path in result.get("paths", {}).values()
                  for method, operation in path.items() if method in METHODS]
    # An error comes in the format the request asked for (?format=csv gives a CSV error), whichever the operation.
    types = {media for _, operation in operations for answer in operation.get("responses", {}).values()
             for media in answer.get("content", {})}
    content = {media: {"schema": error} for media in sorted(types | {"application/json"})}
    for method, operation in operations:
        # 404 everywhere: a record by id, or a page past the last.
        answers = {**ALWAYS, "404": NOT_FOUND, **({"409": CONFLICT} if method == "delete" else {})}
        responses = operation.setdefault("responses", {})
        for status, description in answers.items():
            responses.setdefault(status, {"description": description, "content": content})
    return result

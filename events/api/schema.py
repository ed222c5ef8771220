"""The API's OpenAPI schema says what every operation may answer, errors included.

drf-spectacular documents the success only, so a client (or schemathesis) reading the schema could not tell a
documented 400 from a bug. The errors below are the ones the API gives on purpose: a bad parameter or body
(400), credentials missing or wrong (401), a permission the user lacks (403), no such record or page (404), a
delete that would lose curated data (409), a write whose If-Match names an older version (412), throttled (429),
the query stopped by the statement timeout (503). Conditional requests (events.api.conditional) are documented too:
the ETag, If-None-Match and its 304, If-Match.
"""
from __future__ import annotations

import copy
import re
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
STALE = "If-Match names no current version of the record: it has changed since it was read. Read it again."
ETAG = {"description": "The record's version; send it back in If-Match to write only over that version, or in "
                       "If-None-Match to be answered 304 while it is unchanged.", "schema": {"type": "string"}}
IF_MATCH = {"in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
            "description": "The ETag of the version this write was made from: the write is refused with 412 if the "
                           "record has changed since. Without it the write is made over whatever the record is now."}
IF_NONE_MATCH = {"in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                 "description": "ETags the client holds: 304 with no body while the record is still one of them."}
NOT_MODIFIED = {"description": "The record is unchanged since the version in If-None-Match.",
                "headers": {"ETag": ETAG}}
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
    conditional = conditional_operations(generator)
    for path, operations_of_path in result.get("paths", {}).items():
        for method, operation in operations_of_path.items():
            if method not in METHODS:
                continue
            # 404 everywhere: a record by id, or a page past the last.
            answers = {**ALWAYS, "404": NOT_FOUND, **({"409": CONFLICT} if method == "delete" else {})}
            if (_shape(path), method) in conditional:
                answers |= document_conditions(method, operation)
            responses = operation.setdefault("responses", {})
            for status, description in answers.items():
                responses.setdefault(status, {"description": description, "content": content})
    return result


def _shape(path: str) -> str:
    # drf-spectacular names a path's parameters after the model's field ({id}), the router after the lookup ({pk}).
    return re.sub(r"\{[^}]+\}", "{}", path)


def conditional_operations(generator: Any) -> set[tuple[str, str]]:
    """(path shape, method) of the operations events.api.conditional answers conditionally."""
    from .conditional import ConditionalRecord

    found = set()
    for path, _, method, view in getattr(generator, "endpoints", None) or ():
        cls, actions = getattr(view, "cls", None), getattr(view, "actions", None) or {}
        if cls is not None and issubclass(cls, ConditionalRecord) \
                and actions.get(method.lower()) in {"retrieve", "update", "partial_update", "destroy"}:
            found.add((_shape(path), method.lower()))
    return found


def document_conditions(method: str, operation: dict[str, Any]) -> dict[str, str]:
    """Add the headers of a conditional read or write to `operation`; the error answers it may add."""
    parameters = operation.setdefault("parameters", [])
    responses = operation.setdefault("responses", {})
    if method in {"get", "head"}:
        # Copies: one object in two places of the schema would be written as a YAML anchor and alias.
        parameters.append(copy.deepcopy(IF_NONE_MATCH))
        responses.setdefault("304", copy.deepcopy(NOT_MODIFIED))
    else:
        parameters.append(copy.deepcopy(IF_MATCH))
    if method != "delete":
        for status, answer in responses.items():
            if status == "200":
                answer.setdefault("headers", {})["ETag"] = copy.deepcopy(ETAG)
    return {} if method in {"get", "head"} else {"412": STALE}

"""CSV for analysts: one row per record, nested values flattened into dotted columns."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from rest_framework.renderers import BaseRenderer

LIST_SEPARATOR = "; "
# A spreadsheet runs a cell that starts with one of these as a formula; the text comes from news articles.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """{"location": {"city": "Tokyo"}} -> {"location.city": "Tokyo"}.

    A list of objects becomes one column per key, its items' values joined in order, so
    `participants.name` and `participants.country` line up item by item.
    """
    if isinstance(value, dict):
        columns: dict[str, str] = {}
        for key, inner in value.items():
            columns.update(flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return columns
    if isinstance(value, list | tuple):
        if not value:
            return {}  # no column rather than one that only empty lists would name
        if any(isinstance(item, dict) for item in value):
            per_item = [flatten(item) for item in value]
            keys = leaf_columns(key for item in per_item for key in item)
            return {f"{prefix}.{key}": LIST_SEPARATOR.join(item.get(key, "") for item in per_item) for key in keys}
        return {prefix: LIST_SEPARATOR.join(cell(item) for item in value)}
    return {prefix: cell(value)}


def leaf_columns(keys: Iterable[str]) -> list[str]:
    """Columns in first-seen order, less "office" where some record had "office.title": a null object."""
    unique = list(dict.fromkeys(keys))
    return [key for key in unique if not any(other.startswith(key + ".") for other in unique)]


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not is_number(text):
        return "'" + text
    return text


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def rows_of(data: Any) -> list[dict]:
    """The records of a page, a plain list, or a single object (a detail view or an error)."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return data
    return [data] if data is not None else []


def write_csv(rows: Iterable[dict]) -> str:
    flat = [flatten(row) for row in rows]
    header = leaf_columns(key for row in flat for key in row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="", extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: dict | None = None) -> bytes:
        return write_csv(rows_of(data)).encode(self.charset)

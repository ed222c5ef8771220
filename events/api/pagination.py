"""Page-number paging, sized by the client up to a cap that keeps one response cheap.

A page or page size that is not a whole number from 1 answers 400 naming the parameter; a page past
the end stays a 404 and a page size over the cap counts as the cap, as DRF has them.

A `count` of at least COUNT_CACHE_FROM is kept for COUNT_CACHE_SECONDS under the data generation
(events.api.response_cache), which every committed write replaces: a count is exact after a write.
"""
from __future__ import annotations

import hashlib
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from rest_framework import pagination, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from . import response_cache

# A py-spy profile of /api/meetings/?country=JP&date_after=2020-01-01 at 100,000 meetings (PostgreSQL) had the
# page's COUNT(*) as the longest query (15-25 ms, over the ~1,700 matching meetings), longer than reading the page
# itself, and a COUNT's cost grows with what it counts. Small counts are cheap, and a test or a curator who has just
# written expects them exact.
COUNT_CACHE_FROM = 1000
COUNT_CACHE_SECONDS = 60


class CachedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        db = getattr(self.object_list, "db", "default")
        # A connection with uncommitted writes counts its own new rows, which no other sees: not kept.
        if query is None or response_cache.pending(connections[db]):
            return super().count
        sql, params = query.sql_with_params()
        digest = hashlib.sha256(repr((connections[db].vendor, sql, params)).encode()).hexdigest()
        key = f"api-count:{response_cache.generation()}:{digest}"
        counted = cache.get(key)
        if counted is None:
            counted = super().count
            if counted >= COUNT_CACHE_FROM:
                cache.set(key, counted, COUNT_CACHE_SECONDS)
        return counted


class PageNumberPagination(pagination.PageNumberPagination):
    django_paginator_class = CachedCountPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise serializers.ValidationError({self.page_size_query_param: [
                f"Expected a whole number from 1 (more than {self.max_page_size} counts as {self.max_page_size}), "
                f"not {raw[:20]!r}."
            ]})
        return min(int(raw), self.max_page_size)

    def get_page_number(self, request: Request, paginator) -> int | str:
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw in self.last_page_strings:
            return super().get_page_number(request, paginator)
        if not (raw.isascii() and raw.isdigit() and int(raw) >= 1 and len(raw) <= 18):
            raise serializers.ValidationError(
                {self.page_query_param: [f"Expected a page number from 1, or 'last', not {raw[:20]!r}."]}
            )
        return raw

    def get_paginated_response(self, data) -> Response:
        response = super().get_paginated_response(data)
        # CSV has no room for `next`, so clients of that format follow the Link header instead.
        links = [f'<{url}>; rel="{rel}"' for rel, url in
                 (("next", self.get_next_link()), ("prev", self.get_previous_link())) if url]
        if links:
            response["Link"] = ", ".join(links)
        return response

"""Page-number paging, sized by the client up to a cap that keeps one response cheap."""
from __future__ import annotations

from rest_framework import pagination
from rest_framework.response import Response


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_paginated_response(self, data) -> Response:
        response = super().get_paginated_response(data)
        # CSV has no room for `next`, so clients of that format follow the Link header instead.
        links = [f'<{url}>; rel="{rel}"' for rel, url in
                 (("next", self.get_next_link()), ("prev", self.get_previous_link())) if url]
        if links:
            response["Link"] = ", ".join(links)
        return response

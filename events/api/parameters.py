"""Query parameters an endpoint does not know answer 400 naming them: `?contry=IN` is a typo, and
silently answering with every record would look like a result."""
from __future__ import annotations

import difflib

from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.settings import api_settings


class KnownParametersOnly:
    """A viewset mixin: the parameters of its filter set and paginator, `format`, and `extra_parameters`."""

    # Parameters an action reads itself, by action: {"relations": ("with",)}.
    extra_parameters: dict[str, tuple[str, ...]] = {}

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        known = self.known_parameters()
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise serializers.ValidationError({name: [unknown_message(name, known)] for name in unknown})

    def known_parameters(self) -> set[str]:
        known = {api_settings.URL_FORMAT_OVERRIDE, *self.extra_parameters.get(self.action, ())}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None and self.filter_backends:
            known |= set(filterset_class.base_filters)
        paginator = self.paginator if self.action in {"list", *self.paginated_actions} else None
        if paginator is not None:
            known |= {paginator.page_query_param, paginator.page_size_query_param}
        return known

    paginated_actions: tuple[str, ...] = ()


def unknown_message(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean {close[0]}?" if close else "."
    return f"Unknown parameter; this endpoint takes {', '.join(sorted(known))}{hint}"


class FormatNegotiation(DefaultContentNegotiation):
    """`?format=` names a renderer the view lacks: 400 naming the parameter and the formats it has.

    DRF answers 404, as if the record were missing. A `.csv`-style suffix in the path stays a 404: it is part of
    the address, not a parameter.
    """

    def select_renderer(self, request: Request, renderers: list[BaseRenderer],
                        format_suffix: str | None = None) -> tuple[BaseRenderer, str]:
        name = api_settings.URL_FORMAT_OVERRIDE
        asked = request.query_params.get(name) if name else None
        formats = sorted({renderer.format for renderer in renderers})
        if not format_suffix and asked and asked not in formats:
            raise serializers.ValidationError({name: [f"Not a format this endpoint gives; one of {', '.join(formats)}."]})
        return super().select_renderer(request, renderers, format_suffix)

"""Failed log-ins per client address, counted in the shared cache: past LOGIN_FAILURE_LIMIT within
LOGIN_FAILURE_WINDOW seconds, a log-in form answers 429 to that address until the oldest failure ages out.

The address is the one the API's throttles use (DRF's get_ident with NUM_PROXIES), so a client cannot
reset its count with a new X-Forwarded-For.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from rest_framework.throttling import BaseThrottle


def failures_key(request: HttpRequest) -> str:
    return f"login-failures:{BaseThrottle().get_ident(request)}"


def recent_failures(request: HttpRequest, now: float) -> list[float]:
    return [moment for moment in cache.get(failures_key(request), []) if moment > now - settings.LOGIN_FAILURE_WINDOW]


def throttle_failed_logins(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a log-in view: a POST that leaves the user anonymous is a failure; too many of them, a 429."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        now = time.time()
        failures = recent_failures(request, now)
        if len(failures) >= settings.LOGIN_FAILURE_LIMIT:
            wait = int(failures[0] + settings.LOGIN_FAILURE_WINDOW - now) + 1
            return HttpResponse(f"Too many failed log-ins from this address; try again in {wait} seconds.\n",
                                status=429, content_type="text/plain", headers={"Retry-After": str(wait)})
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            cache.set(failures_key(request), [*failures, now], timeout=settings.LOGIN_FAILURE_WINDOW)
        return response

    return wrapped

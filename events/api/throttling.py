"""The anonymous throttle: DRF's AnonRateThrottle, counted in the shared cache, which a server process writes for a
batch of an address's requests at once while the address is far from its limit.

A cProfile of 500 answers to the meetings filter from the response cache (100,000 meetings, SQLite, the file
cache) put 27% of such a request in the throttle, most of it writing the address's history back to the cache on
every request (a temporary file renamed over the old one). DRF's throttle keeps, per address, the times of its
requests in the last period, and refuses a request when there are as many as the rate allows.

Here a process that reads an address's history may add several entries at once and let that many of the address's
requests through without reading or writing the cache again: a **lease**. The entries are written before any of
the requests they stand for is let through, so every process sees them, and the count across the processes never
exceeds the rate. Leases are taken only where they cost the address nothing:

- a lease is at most an eighth of what the address has left (so it is one request, counted as DRF counts it, over
  the last 15 of an allowance), and at most half its requests of the last LEASE_SECONDS: an address that makes
  fewer than 4 requests in that time is counted request by request, as before;
- its entries are dated LEASE_SECONDS ahead (the end of the lease, the latest its requests can come), so each of its
  requests counts for at least the period: a lease's requests count up to LEASE_SECONDS longer, never shorter;
- after LEASE_SECONDS, what is left of it goes: the next request the process handles removes its unused entries
  from the address's history (so unused entries do not shrink the address's allowance for the period).

The history stays DRF's (a list of times, newest first), so processes running DRF's own throttle share it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from rest_framework import throttling
from rest_framework.request import Request

# Longest a lease lasts (a shorter period has shorter leases: a sixtieth of it).
LEASE_SECONDS = 1.0
MAX_LEASE = 32
# A lease is at most this part of what the address has left in the period.
LEASE_SHARE = 8


@dataclass
class Lease:
    key: str
    rate: tuple[int, int]
    stamp: float  # the time its entries carry, which is also when it ends
    left: int


class Leases:
    """This process's leases, by cache key (one per address and rate). A lock, for servers that run threads."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, tuple[int, int]], Lease] = {}
        self.lock = threading.Lock()

    def take_one(self, key: str, rate: tuple[int, int], now: float) -> bool:
        """Let one request through on a running lease of this key and rate, if there is one with entries left."""
        with self.lock:
            lease = self.by_key.get((key, rate))
            if lease is None or lease.left == 0 or now >= lease.stamp:
                return False
            lease.left -= 1
            return True

    def add(self, lease: Lease) -> None:
        with self.lock:
            self.by_key[(lease.key, lease.rate)] = lease

    def ended(self, now: float) -> list[Lease]:
        """The leases that are over, taken out of the table: those with entries left must give them back."""
        with self.lock:
            over = [lease for lease in self.by_key.values() if now >= lease.stamp or lease.left == 0]
            for lease in over:
                del self.by_key[(lease.key, lease.rate)]
        return [lease for lease in over if lease.left]

    def clear(self) -> None:
        with self.lock:
            self.by_key.clear()


LEASES = Leases()


def without_unused(history: list[float], lease: Lease) -> list[float]:
    """The history less the entries of `lease` that no request used."""
    kept, dropping = [], lease.left
    for moment in history:
        if dropping and moment == lease.stamp:
            dropping -= 1
        else:
            kept.append(moment)
    return kept


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle with leases (see the module's docstring)."""

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = self.timer()
        self.give_back(now)
        if LEASES.take_one(self.key, self.rate_key, now):
            return True
        self.now = now
        self.history = [moment for moment in self.cache.get(self.key, []) if moment > now - self.duration]
        if len(self.history) >= self.num_requests:
            return self.throttle_failure()
        return self.throttle_success()

    @property
    def rate_key(self) -> tuple[int, int]:
        return self.num_requests, self.duration

    @property
    def lease_seconds(self) -> float:
        return min(LEASE_SECONDS, self.duration / 60)

    def lease_size(self) -> int:
        """How many requests to count at once, this one included (1: this one alone, at its own time)."""
        # The address's requests of the last lease's length, by every process (not the leases still running, dated
        # ahead): a lease of half that is likely to be used before it ends, where a larger one was mostly given
        # back (a write more) when two processes shared a client of a few requests a lease.
        recent = sum(1 for moment in self.history if self.now - self.lease_seconds < moment <= self.now)
        left = self.num_requests - len(self.history)
        size = min(MAX_LEASE, left // LEASE_SHARE, recent // 2)
        return size if size >= 2 else 1

    def throttle_success(self) -> bool:
        size = self.lease_size()
        # A request counted alone is dated now, as DRF dates it; a lease's entries, at its end.
        stamp = self.now if size == 1 else self.now + self.lease_seconds
        # Kept newest first whatever the dates (DRF's processes drop the oldest from the end).
        self.history = sorted([*self.history, *[stamp] * size], reverse=True)
        self.cache.set(self.key, self.history, self.duration + LEASE_SECONDS)
        if size > 1:
            LEASES.add(Lease(self.key, self.rate_key, stamp, size - 1))
        return True

    def give_back(self, now: float) -> None:
        """Remove from the shared histories the entries of this process's ended leases that no request used."""
        for lease in LEASES.ended(now):
            history = self.cache.get(lease.key)
            if history:
                self.cache.set(lease.key, without_unused(history, lease), lease.rate[1] + LEASE_SECONDS)

"""Fly many objects in groups: bounded work per call, progress between calls.

The flight kernel flies each object on its own (its steps and events do not depend on the
others in the batch), so flying a batch in groups and joining them gives the same flights
as one call; between groups a caller's ``progress(done, total)`` is told how many objects
are flown.
"""

from collections.abc import Callable, Sequence

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.threats.flight import Flight

#: Progress of a grouped flight: ``(objects flown, objects in all)``.
FlownFn = Callable[[int, int], None]

#: Most bytes of stored states one group's flight holds (``48 * n_time`` per object).
GROUP_BYTES = 64 * 2**20


def concatenate_flights(parts: Sequence[Flight]) -> Flight:
    """Flights on the same grid, physics and Earth angle as one, in the order given."""
    first = parts[0]
    if len(parts) == 1:
        return first

    def joined(name: str) -> FloatArray:
        return np.concatenate([getattr(p, name) for p in parts])

    return Flight(
        start_lat_rad=joined("start_lat_rad"),
        start_lon_rad=joined("start_lon_rad"),
        t_start_s=joined("t_start_s"),
        physics=first.physics,
        theta0_rad=first.theta0_rad,
        t_s=first.t_s,
        y_eci=joined("y_eci"),
        event_t_s=joined("event_t_s"),
        event_x_eci=joined("event_x_eci"),
        status=np.concatenate([p.status for p in parts]),
        x_start_eci=joined("x_start_eci"),
    )


def take_flights(flight: Flight, idx: IntArray) -> Flight:
    """The flights at integer positions ``idx`` (in that order)."""
    i = np.asarray(idx, dtype=np.int64)
    return Flight(
        flight.start_lat_rad[i], flight.start_lon_rad[i], flight.t_start_s[i], flight.physics,
        flight.theta0_rad, flight.t_s, flight.y_eci[i], flight.event_t_s[i],
        flight.event_x_eci[i], flight.status[i], flight.x_start_eci[i],
    )  # fmt: skip


def put_flights(flight: Flight, idx: IntArray, part: Flight) -> Flight:
    """A copy of ``flight`` with the flights at positions ``idx`` replaced by ``part``'s
    (on the same grid)."""
    i = np.asarray(idx, dtype=np.int64)
    out = []
    for name in ("start_lat_rad", "start_lon_rad", "t_start_s", "y_eci", "event_t_s",
                 "event_x_eci", "status", "x_start_eci"):  # fmt: skip
        value = getattr(flight, name).copy()
        value[i] = getattr(part, name)
        out.append(value)
    return Flight(
        out[0], out[1], out[2], flight.physics, flight.theta0_rad, flight.t_s, out[3], out[4],
        out[5], out[6], out[7],
    )  # fmt: skip


def fly_in_groups(
    fly_group: Callable[[IntArray], Flight],
    n: int,
    n_time: int,
    progress: FlownFn | None = None,
    max_bytes: int = GROUP_BYTES,
) -> Flight:
    """``fly_group(indices)`` over ``n`` objects in groups, joined into one flight.

    Parameters
    ----------
    fly_group : callable
        Flies the objects of an index array ``(n_group,)`` int64 and returns their Flight.
    n : int
        Objects in all.
    n_time : int
        Stored samples per object (sizes the groups: ``48 * n_time`` bytes per object).
    progress : callable, optional
        ``progress(done, n)`` after each group (and ``(0, n)`` first).
    max_bytes : int
        Most bytes of stored states per group (at least 64 objects per group, which keeps
        the kernel's threads busy).
    """
    size = max(64, max_bytes // (48 * max(n_time, 1)))
    parts: list[Flight] = []
    if progress is not None:
        progress(0, n)
    if n == 0:
        return fly_group(np.empty(0, np.int64))
    for first in range(0, n, size):
        idx = np.arange(first, min(first + size, n), dtype=np.int64)
        parts.append(fly_group(idx))
        if progress is not None:
            progress(int(idx[-1]) + 1, n)
    return concatenate_flights(parts)

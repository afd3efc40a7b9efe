"""The tracker's live tracks as arrays, and their end-of-step bookkeeping, vectorized.

Each live track keeps its state and covariance, the largest eigenvalue of its position
covariance (what pre-gating and the fire-control test read), its last update time and its
last ``confirm_hits`` update times (a track is confirmed, M of N over time, when the oldest
of those is within the confirmation window: then that many updates fall inside it).
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking.track_log import LogBuilder


def largest_eigenvalue(p: FloatArray, start: int) -> FloatArray:
    """Largest eigenvalue of each 3x3 block ``p[:, start:start+3, start:start+3]``."""
    block = p[:, start : start + 3, start : start + 3]
    return np.asarray(np.linalg.eigvalsh(block)[:, -1], dtype=np.float64)


def largest_sigma(p: FloatArray, start: int) -> FloatArray:
    """Root of the largest eigenvalue of each 3x3 block ``p[:, start:start+3, start:start+3]``."""
    return np.asarray(np.sqrt(largest_eigenvalue(p, start)), dtype=np.float64)


class LiveTracks:
    """Arrays of the live tracks (grown and filtered as time steps go).

    Parameters
    ----------
    confirm_hits : int
        Update times kept per track (the M of the M-of-N rule).
    """

    def __init__(self, confirm_hits: int) -> None:
        self.ids = np.empty(0, np.int64)
        self.x = np.empty((0, 6))
        self.p = np.empty((0, 6, 6))
        self.lam = np.empty(0)
        self.t = -np.inf
        self.last = np.empty(0)
        self.recent = np.empty((0, max(confirm_hits, 0)))

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def add(self, ids: IntArray, x: FloatArray, p: FloatArray, t: float) -> None:
        """New tracks, each with its first update at ``t`` (the time every live track is at)."""
        self.t = t
        self.ids = np.concatenate([self.ids, ids])
        self.x, self.p = np.concatenate([self.x, x]), np.concatenate([self.p, p])
        self.lam = np.concatenate([self.lam, largest_eigenvalue(p, 0)])
        self.last = np.concatenate([self.last, np.full(ids.size, t)])
        recent = np.full((ids.size, self.recent.shape[1]), -np.inf)
        recent[:, -1:] = t
        self.recent = np.concatenate([self.recent, recent])

    def set_states(self, k: IntArray, x: FloatArray, p: FloatArray) -> None:
        """Tracks ``k`` (indices into the live arrays) take new states and covariances."""
        self.x[k], self.p[k] = x, p
        self.lam[k] = largest_eigenvalue(p, 0)

    def hit(self, k: IntArray, t: float) -> None:
        """Tracks ``k`` were updated at ``t`` (counted once per time)."""
        new = k[self.last[k] != t]
        self.last[new] = t
        if self.recent.shape[1]:
            self.recent[new] = np.roll(self.recent[new], -1, axis=1)
            self.recent[new, -1] = t

    def keep(self, mask: BoolArray) -> None:
        """Keep only the tracks where ``mask`` is True."""
        self.ids, self.x, self.p = self.ids[mask], self.x[mask], self.p[mask]
        self.lam, self.last, self.recent = self.lam[mask], self.last[mask], self.recent[mask]


def bookkeeping(
    live: LiveTracks,
    log: LogBuilder,
    t: float,
    confirm_window_s: float,
    fire_control: tuple[float, float],
    drop_s: tuple[float, float],
) -> None:
    """Firm and fire-control marks, the history of the tracks updated at ``t``, and the end of
    tracks not updated for too long.

    Parameters
    ----------
    live : LiveTracks
    log : LogBuilder
    t : float, s
    confirm_window_s : float, s
        A track is firm once its last ``confirm_hits`` updates fall within this window.
    fire_control : (float, float)
        Position (m) and velocity (m/s) sigma a firm track must be below.
    drop_s : (float, float)
        Time without an update after which a tentative, or a firm, track ends.
    """
    if not len(live):
        return
    ids = live.ids
    sig = np.sqrt(live.lam)
    vsig = largest_sigma(live.p, 3)
    firm = np.isfinite(log.firm.data[ids])
    if live.recent.shape[1]:
        confirmed = live.recent[:, 0] >= t - confirm_window_s
    else:
        confirmed = np.ones(ids.size, dtype=bool)
    newly = ~firm & confirmed
    log.firm.data[ids[newly]] = t
    firm |= newly
    good = (sig < fire_control[0]) & (vsig < fire_control[1])
    fc = firm & np.isnan(log.fire.data[ids]) & good
    log.fire.data[ids[fc]] = t
    log.fire_x.data[ids[fc]] = live.x[fc]
    log.fire_p.data[ids[fc]] = live.p[fc]
    now = live.last == t
    log.states(ids[now], t, live.x[now].copy(), sig[now], vsig[now])
    limit = np.where(firm, drop_s[1], drop_s[0])
    live.keep(t - live.last <= limit)

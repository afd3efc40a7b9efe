"""The tracker's live tracks as arrays, and their end-of-step bookkeeping, vectorized.

Each live track keeps its state and covariance, a bound on the largest eigenvalue of its
position covariance (what pre-gating reads; compiled, closed form, raised by a relative
:data:`LAM_MARGIN` so that it is never below the eigenvalue), its last update time and its
last ``confirm_hits`` update times (a track is confirmed, M of N over time, when the oldest
of those is within the confirmation window: then that many updates fall inside it). The
fire-control test and the history take their sigmas from LAPACK (``eigvalsh``), for the
tracks that need them.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking.track_log import LogBuilder

#: Relative margin on the closed-form largest eigenvalue (its error is far smaller).
LAM_MARGIN = 1e-7


@nb.njit(cache=True)
def largest_eigenvalue_bound(p: FloatArray) -> FloatArray:
    """At least the largest eigenvalue of each position block ``p[:, :3, :3]`` (symmetric),
    by the trigonometric closed form (Smith 1961), raised by :data:`LAM_MARGIN`."""
    out = np.empty(p.shape[0])
    for k in range(p.shape[0]):
        a00, a11, a22 = p[k, 0, 0], p[k, 1, 1], p[k, 2, 2]
        a01, a02, a12 = p[k, 0, 1], p[k, 0, 2], p[k, 1, 2]
        off = a01 * a01 + a02 * a02 + a12 * a12
        q = (a00 + a11 + a22) / 3.0
        d0, d1, d2 = a00 - q, a11 - q, a22 - q
        spread = math.sqrt((d0 * d0 + d1 * d1 + d2 * d2 + 2.0 * off) / 6.0)
        if not spread > 0.0:
            out[k] = q + abs(q) * LAM_MARGIN
            continue
        b00, b11, b22 = d0 / spread, d1 / spread, d2 / spread
        b01, b02, b12 = a01 / spread, a02 / spread, a12 / spread
        det = b00 * (b11 * b22 - b12 * b12) - b01 * (b01 * b22 - b12 * b02)
        det += b02 * (b01 * b12 - b11 * b02)
        phi = math.acos(min(max(0.5 * det, -1.0), 1.0)) / 3.0
        lam = q + 2.0 * spread * math.cos(phi)
        out[k] = lam + (abs(lam) + spread) * LAM_MARGIN
    return out


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
        #: Time of each track's last plume report (-inf: none).
        self.plume_t = np.empty(0)
        #: Times each track was updated (its start counts as one).
        self.updates = np.empty(0, np.int64)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def add(
        self, ids: IntArray, x: FloatArray, p: FloatArray, t: float, plume: BoolArray | None = None
    ) -> None:
        """New tracks, each with its first update at ``t`` (the time every live track is at);
        ``plume`` marks those started on a plume report."""
        self.t = t
        hot = np.zeros(ids.size, dtype=bool) if plume is None else plume
        self.plume_t = np.concatenate([self.plume_t, np.where(hot, t, -np.inf)])
        self.ids = np.concatenate([self.ids, ids])
        self.x, self.p = np.concatenate([self.x, x]), np.concatenate([self.p, p])
        self.lam = np.concatenate([self.lam, largest_eigenvalue_bound(p)])
        self.last = np.concatenate([self.last, np.full(ids.size, t)])
        self.updates = np.concatenate([self.updates, np.ones(ids.size, np.int64)])
        recent = np.full((ids.size, self.recent.shape[1]), -np.inf)
        recent[:, -1:] = t
        self.recent = np.concatenate([self.recent, recent])

    def set_states(self, k: IntArray, x: FloatArray, p: FloatArray) -> None:
        """Tracks ``k`` (indices into the live arrays) take new states and covariances."""
        self.x[k], self.p[k] = x, p
        self.lam[k] = largest_eigenvalue_bound(np.ascontiguousarray(p))

    def hit(self, k: IntArray, t: float) -> None:
        """Tracks ``k`` were updated at ``t`` (counted once per time)."""
        new = k[self.last[k] != t]
        self.last[new] = t
        self.updates[new] += 1
        if self.recent.shape[1]:
            rows = self.recent[new]
            rows[:, :-1] = rows[:, 1:].copy()  # each row's times shifted one place left
            rows[:, -1] = t
            self.recent[new] = rows

    def keep(self, mask: BoolArray) -> None:
        """Keep only the tracks where ``mask`` is True."""
        self.ids, self.x, self.p = self.ids[mask], self.x[mask], self.p[mask]
        self.lam, self.last, self.recent = self.lam[mask], self.last[mask], self.recent[mask]
        self.plume_t, self.updates = self.plume_t[mask], self.updates[mask]


def bookkeeping(
    live: LiveTracks,
    log: LogBuilder,
    t: float,
    confirm_window_s: float,
    fire_control: tuple[float, float],
    drop_s: tuple[float, float],
    coasting: BoolArray | None = None,
    velocity_limit_m_s: FloatArray | None = None,
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
    coasting : (n_live,) bool, optional
        Tracks the tracker takes to be coasting; only they can reach fire control (the
        impact of a thrusting missile cannot be predicted from its state). None: all.
    velocity_limit_m_s : (n_live,) float64, m/s, optional
        Each track's own velocity one-sigma limit for fire control, in place of
        ``fire_control[1]`` (the tracker gives tracks in level flight a looser one).
    """
    if not len(live):
        return
    ids = live.ids
    firm = np.isfinite(log.firm.data[ids])
    if live.recent.shape[1]:
        confirmed = live.recent[:, 0] >= t - confirm_window_s
    else:
        confirmed = np.ones(ids.size, dtype=bool)
    newly = ~firm & confirmed
    log.firm.data[ids[newly]] = t
    firm |= newly
    # Sigmas of the tracks that may reach fire control now and of those updated now.
    now = live.last == t
    need = np.flatnonzero((firm & np.isnan(log.fire.data[ids])) | now)
    sig, vsig = np.full(ids.size, np.nan), np.full(ids.size, np.nan)
    sig[need], vsig[need] = largest_sigma(live.p[need], 0), largest_sigma(live.p[need], 3)
    vlimit = fire_control[1] if velocity_limit_m_s is None else velocity_limit_m_s
    good = (sig < fire_control[0]) & (vsig < vlimit)
    fc = firm & np.isnan(log.fire.data[ids]) & good
    if coasting is not None:
        fc &= coasting
    log.fire.data[ids[fc]] = t
    log.fire_x.data[ids[fc]] = live.x[fc]
    log.fire_p.data[ids[fc]] = live.p[fc]
    log.states(ids[now], t, live.x[now].copy(), sig[now], vsig[now])
    limit = np.where(firm, drop_s[1], drop_s[0])
    live.keep(t - live.last <= limit)

"""Which space-based interceptors can reach which boosting missiles, and when.

For each (satellite, threat) pair the earliest intercept time is the first time ``t`` in
the threat's engagement window at which the kill vehicle's reach ``s(t - t_launch)``
covers the distance from where its satellite is at ``t`` to where the missile is at ``t``
(see :mod:`goldendome.interceptors.space_based`), refined between samples by linear
interpolation of the margin ``s - d``.

Two methods give the same answer. ``"dense"`` checks every pair at every sample: the
straightforward NumPy broadcast. ``"pruned"`` first discards, at one reference sample per
threat and with a k-d tree (``scipy.spatial.cKDTree``), every satellite farther than a
provable bound: the largest reach in the window plus how far the satellite and the missile
can move between the reference sample and any other sample of the window. Only the pairs
left are checked sample by sample.
"""

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from goldendome.interceptors.pair_bounds import PAIR_BYTES, PAIR_CHUNK, PAIR_SAMPLE_BYTES
from goldendome.interceptors.space_based import KillVehicle
from goldendome.physics._types import FloatArray, IntArray


@dataclass(frozen=True)
class Opportunities:
    """Every feasible (satellite, threat) pair with its earliest intercept.

    Attributes
    ----------
    satellite, threat : (n_pair,) int64
        Indices into the satellite and threat arrays given.
    intercept_time_s : (n_pair,) float64, seconds on the scenario clock
    time_of_flight_s : (n_pair,) float64, seconds from interceptor launch to intercept
    distance_m : (n_pair,) float64, meters flown relative to the satellite's orbit
    """

    satellite: IntArray
    threat: IntArray
    intercept_time_s: FloatArray
    time_of_flight_s: FloatArray
    distance_m: FloatArray

    def __len__(self) -> int:
        return int(self.satellite.shape[0])

    def in_reach_count(self, n_threat: int) -> IntArray:
        """Satellites able to engage each threat, ``(n_threat,)`` int64."""
        return np.bincount(self.threat, minlength=n_threat).astype(np.int64)


def _window_indices(
    t_s: FloatArray, start_s: FloatArray, end_s: FloatArray
) -> tuple[IntArray, IntArray]:
    """First and one-past-last sample of each threat's window (empty when k1 <= k0)."""
    k0 = np.searchsorted(t_s, start_s, side="left")
    k1 = np.searchsorted(t_s, end_s, side="right")
    return k0.astype(np.int64), k1.astype(np.int64)


@dataclass(frozen=True)
class _Geometry:
    """The inputs of one reach check, with each threat's window as sample indices."""

    t_s: FloatArray
    sat_r: FloatArray
    threat_r: FloatArray
    k0: IntArray
    k1: IntArray
    launch_s: FloatArray
    vehicle: KillVehicle
    satellite_speed_m_s: float | None = None


def _check_pairs(
    g: _Geometry, sat: IntArray, thr: IntArray
) -> tuple[IntArray, FloatArray, FloatArray, FloatArray]:
    """Earliest intercept of each pair; returns (kept, t, time of flight, distance)."""
    t_s, sat_r, threat_r, k0, k1, launch_s = g.t_s, g.sat_r, g.threat_r, g.k0, g.k1, g.launch_s
    width = int((k1[thr] - k0[thr]).max(initial=0))
    if width == 0 or sat.size == 0:
        empty = np.empty(0)
        return np.empty(0, np.int64), empty, empty, empty
    k = k0[thr][:, None] + np.arange(width)
    inside = k < k1[thr][:, None]
    k = np.minimum(k, t_s.shape[0] - 1)
    gap = sat_r[sat[:, None], k] - threat_r[thr[:, None], k]
    distance = np.sqrt(np.einsum("pkc,pkc->pk", gap, gap))
    flight = t_s[k] - launch_s[thr][:, None]
    margin = g.vehicle.reach_m(flight) - distance
    feasible = inside & (margin >= 0.0)
    hit = feasible.any(axis=1)
    first = np.argmax(feasible, axis=1)[hit]
    rows = np.flatnonzero(hit)
    t_hit = t_s[k[rows, first]]
    d_hit = distance[rows, first]
    # Refine between the last infeasible sample and the first feasible one.
    prev = np.maximum(first - 1, 0)
    refine = (first > 0) & np.isfinite(margin[rows, prev])
    m0, m1 = margin[rows, prev], margin[rows, first]
    frac = np.where(refine, m0 / np.where(refine, m0 - m1, 1.0), 1.0)
    t_prev = t_s[k[rows, prev]]
    t_hit = np.where(refine, t_prev + frac * (t_hit - t_prev), t_hit)
    d_hit = np.where(refine, distance[rows, prev] + frac * (d_hit - distance[rows, prev]), d_hit)
    return rows, t_hit, t_hit - launch_s[thr[rows]], d_hit


def _max_speed_m_s(t_s: FloatArray, sat_r: FloatArray) -> float:
    """Upper bound on satellite speed from the samples (chords, plus 1% for the arcs)."""
    if t_s.shape[0] < 2:
        return 0.0
    dt = np.diff(t_s)
    fastest = 0.0
    for start in range(0, sat_r.shape[0], 2_000):
        step = np.linalg.norm(np.diff(sat_r[start : start + 2_000], axis=1), axis=-1)
        fastest = max(fastest, float((step / dt).max(initial=0.0)))
    return 1.01 * fastest


def pruning_radius_m(
    t_s: FloatArray,
    threat_r: FloatArray,
    window: IntArray,
    k_ref: int,
    launch_s: float,
    vehicle: KillVehicle,
    satellite_speed_m_s: float,
) -> float:
    """Farthest a satellite can be from a threat at sample ``k_ref`` and still reach it.

    The bound: the largest reach in the window, plus how far the threat moves from its
    reference position within the window, plus how far a satellite at
    ``satellite_speed_m_s`` moves in the longest stretch from ``k_ref`` to a window edge.

    Parameters
    ----------
    t_s : (n_time,) float64, s
    threat_r : (n_time, 3) float64, m, the threat's positions
    window : (n_window,) int64, increasing sample indices of the engagement window
    k_ref : int, reference sample (inside the window)
    launch_s : float, interceptor launch time, s
    vehicle : KillVehicle
    satellite_speed_m_s : float, an upper bound on satellite speed
    """
    first, last = int(window[0]), int(window[-1])
    moves = float(np.linalg.norm(threat_r[window] - threat_r[k_ref], axis=-1).max())
    span = float(max(t_s[last] - t_s[k_ref], t_s[k_ref] - t_s[first]))
    reach = float(vehicle.reach_m(t_s[last] - launch_s))
    return reach + moves + satellite_speed_m_s * span


def pruning_spheres(
    t_s: FloatArray,
    threat_r_eci_m: FloatArray,
    window_start_s: FloatArray,
    window_end_s: FloatArray,
    launch_time_s: FloatArray,
    vehicle: KillVehicle,
    satellite_speed_m_s: float,
) -> tuple[IntArray, IntArray, FloatArray]:
    """Where a satellite must be to reach each threat: a sphere about the threat at one sample.

    The same bound :func:`sbi_opportunities` prunes with (:func:`pruning_radius_m` at the
    middle sample of each threat's window), so a caller can propagate a constellation at
    the reference samples alone, keep the satellites inside a sphere, and propagate only
    those on the whole grid: the opportunities found are the same.

    Parameters
    ----------
    t_s : (n_time,) float64, seconds, increasing
    threat_r_eci_m : (n_threat, n_time, 3) float64, meters, ECI
    window_start_s, window_end_s, launch_time_s : (n_threat,) float64, seconds
        As for :func:`sbi_opportunities`.
    vehicle : KillVehicle
    satellite_speed_m_s : float
        An upper bound on every satellite's speed, m/s.

    Returns
    -------
    threat : (n,) int64
        Threats with a non-empty window.
    k_ref : (n,) int64
        Each one's reference sample.
    radius_m : (n,) float64, meters
    """
    k0, k1 = _window_indices(t_s, np.maximum(window_start_s, launch_time_s), window_end_s)
    threat = np.flatnonzero(k1 > k0)
    k_ref = (k0[threat] + k1[threat] - 1) // 2
    radius = np.empty(threat.size)
    for n, (j, kr) in enumerate(zip(threat, k_ref, strict=True)):
        window = np.arange(k0[j], k1[j])
        radius[n] = pruning_radius_m(
            t_s, threat_r_eci_m[j], window, int(kr), float(launch_time_s[j]), vehicle,
            satellite_speed_m_s,
        )  # fmt: skip
    return threat.astype(np.int64), k_ref.astype(np.int64), radius


def _candidates_pruned(g: _Geometry) -> tuple[IntArray, IntArray]:
    """Pairs that pass the k-d tree bound at each threat's reference sample."""
    t_s, sat_r, threat_r, k0, k1, launch_s = g.t_s, g.sat_r, g.threat_r, g.k0, g.k1, g.launch_s
    v_sat = g.satellite_speed_m_s
    if v_sat is None:
        v_sat = _max_speed_m_s(t_s, sat_r)
    vehicle = g.vehicle
    active = np.flatnonzero(k1 > k0)
    k_ref = (k0 + k1 - 1) // 2
    sats: list[IntArray] = []
    thrs: list[IntArray] = []
    for kr in np.unique(k_ref[active]):
        group = active[k_ref[active] == kr]
        radius = np.empty(group.size)
        for n, j in enumerate(group):
            window = np.arange(k0[j], k1[j])
            radius[n] = pruning_radius_m(
                t_s, threat_r[j], window, int(kr), float(launch_s[j]), vehicle, v_sat
            )
        tree = cKDTree(sat_r[:, kr])
        hits = tree.query_ball_point(threat_r[group, kr], radius)
        for j, found in zip(group, hits, strict=True):
            sats.append(np.asarray(found, dtype=np.int64))
            thrs.append(np.full(len(found), j, dtype=np.int64))
    if not sats:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(sats), np.concatenate(thrs)


def sbi_opportunities(
    t_s: FloatArray,
    sat_r_eci_m: FloatArray,
    threat_r_eci_m: FloatArray,
    window_start_s: FloatArray,
    window_end_s: FloatArray,
    launch_time_s: FloatArray,
    vehicle: KillVehicle,
    *,
    method: str = "pruned",
    satellite_speed_m_s: float | None = None,
) -> Opportunities:
    """Earliest feasible intercept of every (satellite, threat) pair that has one.

    Parameters
    ----------
    t_s : (n_time,) float64, seconds, increasing
    sat_r_eci_m : (n_satellite, n_time, 3) float64, meters, ECI
    threat_r_eci_m : (n_threat, n_time, 3) float64, meters, ECI (NaN outside flight)
    window_start_s, window_end_s : (n_threat,) float64, seconds
        The engagement window of each threat (intercepts allowed between them).
    launch_time_s : (n_threat,) float64, seconds
        When interceptors are launched at each threat.
    vehicle : KillVehicle
    method : {"pruned", "dense"}
    satellite_speed_m_s : float, optional
        An upper bound on every satellite's speed (m/s) for the pruning radius (from the
        orbits, e.g. the perigee speed); estimated from the sampled chords when omitted. A
        larger bound prunes less and changes no result.

    Returns
    -------
    Opportunities
        Sorted by threat, then intercept time.
    """
    k0, k1 = _window_indices(t_s, np.maximum(window_start_s, launch_time_s), window_end_s)
    geometry = _Geometry(
        t_s, sat_r_eci_m, threat_r_eci_m, k0, k1, launch_time_s, vehicle, satellite_speed_m_s
    )
    if method == "pruned":
        sat, thr = _candidates_pruned(geometry)
    elif method == "dense":
        n_sat, n_thr = sat_r_eci_m.shape[0], threat_r_eci_m.shape[0]
        sat = np.tile(np.arange(n_sat, dtype=np.int64), n_thr)
        thr = np.repeat(np.arange(n_thr, dtype=np.int64), n_sat)
    else:
        raise ValueError(f"method must be 'pruned' or 'dense', not {method!r}.")
    none = np.empty(0, np.int64), np.empty(0)
    parts = [(none[0], none[0], none[1], none[1], none[1])]
    width = int((k1 - k0).max(initial=1))
    chunk = max(1, min(PAIR_CHUNK, PAIR_BYTES // (PAIR_SAMPLE_BYTES * max(width, 1))))
    for start in range(0, sat.size, chunk):
        s, j = sat[start : start + chunk], thr[start : start + chunk]
        rows, t_hit, tof, dist = _check_pairs(geometry, s, j)
        parts.append((s[rows], j[rows], t_hit, tof, dist))
    cols = [np.concatenate(c) for c in zip(*parts, strict=True)]
    order = np.lexsort((cols[0], cols[2], cols[1]))
    return Opportunities(*(c[order] for c in cols))

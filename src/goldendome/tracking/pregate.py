"""Pre-gating: the (track, measurement) pairs that may lie inside a chi-square gate, found
through a tree of the tracks' positions instead of computing every pair's NIS.

A measurement's angles put its object on a line from the sensor, ``o + s u`` (``u`` the unit
line of sight in ECI). For a track at ``p`` with ``w = p - o``, position covariance of
largest eigenvalue ``lam`` and a gate ``g``, a pair inside the gate (``y^T S^-1 y <= g``,
``S = H P H^T + R``) has every residual within ``sqrt(g S_ii)``. The elevation row of ``H``
has norm ``1/|w|`` and the azimuth row ``1/(|w| cos el)``, so with ``R_el``, ``R_az`` the
angle variances, the chord between the predicted and measured directions obeys
(``2 - 2 cos x <= x^2`` and ``min(c^2, 4) <= 2c``)

    |w| |u_hat - u| <= sqrt(g (lam + |w|^2 R_el)) + sqrt(g (lam + |w|^2 R_az)),

and the track's distance from the line, ``|w x u| <= |w| |u_hat - u|``, is below that bound.
With a measured range ``rho`` (variance ``R_rho``), also ``||w| - rho| <= sqrt(g (lam +
R_rho))``. Both tests are necessary for the gate, so the pairs they keep hold every pair
inside it (a relative slack of :data:`SLACK_REL` and :data:`SLACK_M` absorb rounding); the
tracker then computes those pairs' NIS exactly, and the association is the one every pair's
NIS would give.

Tracks of position sigma below :data:`BIG_SIGMA_M` are held in a forest of k-d trees (one
per class of sigma, so one uncertain track does not widen its neighbours' nodes). A node's
sphere holds its tracks and its largest ``lam``; distance to a line is 1-Lipschitz, so a node
whose centre is farther from the line than its radius plus the bound at its largest ``lam``
and range holds no candidate. A track moved by an update widens its nodes
(:meth:`Forest.refresh`), so the forest built once per time step stays valid through the
sequential updates of that step. Along and across the track's direction from the sensor,
``û^T P û`` and ``trace(P) - û^T P û`` bound the variances more tightly than ``lam``.

A track of larger sigma has a gate spanning much of the view: it is taken on its own
against the scan (:mod:`goldendome.tracking._pregate_wide`): a cone test with the bound
above, then the measurements inside the box ``|y_i| <= sqrt(g S_ii)``. Every kept pair's NIS
is computed in the compiled search (:mod:`goldendome.tracking._pregate_query`), with a
track's projection into the frame computed once per scan, and the pairs inside the gate come
back with it. :func:`candidates_reference` applies the track tests to every pair with NumPy:
the pairs it keeps hold every gated pair, as the tests say.

The gated pairs themselves still grow faster than the raid: tracks of large sigma (angle-only
tracks long along the lines of sight, coasting tracks) gate with every measurement in their
wide gates, and the gates hold more measurements as the raid grows denser. On the scaled peer
raids, the tracker's time grows as the raid's size to the power 1.1 to 1.25.
"""

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.tracking._pregate_nis import PROJECTION_COLUMNS
from goldendome.tracking._pregate_query import query_scan
from goldendome.tracking._pregate_tree import SLACK_M, SLACK_REL, build_forest, refresh_nodes
from goldendome.tracking.measurement import variance
from goldendome.tracking.triangulation import line_of_sight_eci

__all__ = ["SLACK_M", "SLACK_REL", "Forest", "Lines", "candidates_reference"]

#: Tracks per leaf of the trees.
LEAF_SIZE = 16
#: Position-sigma boundaries (m) of the classes that get a tree each.
CLASS_SIGMA_M = np.array([100.0, 300.0, 1e3, 3e3])
#: Position sigma (m) from which a track is searched on its own, not through the trees.
BIG_SIGMA_M = 1e4


class Lines:
    """Measurements of one sensor frame as lines of sight, with what bounds their gates.

    Parameters
    ----------
    z, sigma : (n, 4) float64
        Measurements (range m, azimuth rad, elevation rad, range rate m/s; NaN where not
        measured) and their one-sigma noise.
    origin_r : (3,) float64, m, ECI
        The sensor's position.
    rotation : (n, 3, 3) float64
        ECI to sensor frame (the same for every measurement: one frame).
    gate : (n,) float64
        Chi-square gate of each measurement (for its number of measured components).
    """

    def __init__(
        self,
        z: FloatArray,
        sigma: FloatArray,
        origin_r: FloatArray,
        rotation: FloatArray,
        gate: FloatArray,
    ) -> None:
        self.origin = np.ascontiguousarray(origin_r, dtype=np.float64)
        finite_angles = np.isfinite(z[:, 1]) & np.isfinite(z[:, 2])
        safe = np.where(finite_angles[:, None], z, 0.0)
        self.u = np.ascontiguousarray(line_of_sight_eci(safe, rotation))
        self.r_az = np.where(finite_angles, variance(sigma[:, 1]), np.nan)
        self.r_el = np.where(finite_angles, variance(sigma[:, 2]), np.nan)
        self.rho = np.ascontiguousarray(z[:, 0], dtype=np.float64)
        self.r_rho = variance(sigma[:, 0])
        self.gate = np.asarray(gate, dtype=np.float64)
        self.root_gate = np.sqrt(self.gate)
        self.z = np.ascontiguousarray(z[:, :3], dtype=np.float64)
        self.r = np.ascontiguousarray(variance(sigma[:, :3]))
        self.rotation = np.ascontiguousarray(rotation[0] if len(rotation) else np.eye(3))

    def __len__(self) -> int:
        return int(self.u.shape[0])


def _classes(lam: FloatArray) -> IntArray:
    """Class of each track by position sigma; -1 for a track with a non-finite state."""
    cls = np.searchsorted(CLASS_SIGMA_M**2, lam).astype(np.int64)
    return np.where(np.isfinite(lam), cls, -1)


class Forest:
    """The live tracks of one time step, ready for each scan's search.

    Parameters
    ----------
    position : (n, 3) float64, m, ECI
        Track positions.
    lam : (n,) float64, m^2
        Largest eigenvalue of each track's position covariance.
    """

    def __init__(self, position: FloatArray, lam: FloatArray) -> None:
        self.position = np.ascontiguousarray(position, dtype=np.float64)
        self.lam = np.ascontiguousarray(lam, dtype=np.float64)
        valid = np.isfinite(self.position).all(axis=1) & np.isfinite(self.lam)
        big = valid & (self.lam >= BIG_SIGMA_M**2)
        cls = np.where(valid & ~big, _classes(self.lam), -1)
        self.big = np.flatnonzero(big).astype(np.int64)
        self.nodes = build_forest(self.position, self.lam, cls, CLASS_SIGMA_M.size + 1, LEAF_SIZE)
        n = self.lam.size
        self._cache = np.zeros((n, PROJECTION_COLUMNS))
        self._stamp = np.full(n, -1, dtype=np.int64)
        self._scan = 0

    def candidates(
        self, lines: Lines, x_eci: FloatArray, covariance: FloatArray
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """The pairs (track index, line index) inside their gates, and their NIS (range,
        azimuth and elevation; range rate left out).

        Parameters
        ----------
        lines : Lines
            One scan's measurements.
        x_eci : (n, 6) float64; covariance : (n, 6, 6) float64
            The tracks' current states (the forest's positions, as refreshed).
        """
        self._scan += 1
        if len(lines) == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
        tracks = (np.ascontiguousarray(x_eci), np.ascontiguousarray(covariance), self.lam)
        frame = (lines.origin, lines.rotation, lines.u, lines.r_el, lines.r_az, lines.z,
                 lines.r, lines.gate)  # fmt: skip
        return query_scan(self.nodes, self.big, tracks, frame, self._cache, self._stamp, self._scan)

    def refresh(self, tracks: IntArray, position: FloatArray, lam: FloatArray) -> None:
        """Tracks ``(k,)`` moved to ``position (k, 3)`` with new ``lam (k,)``: widen their
        nodes so that the forest still holds them."""
        self.position[tracks] = position
        self.lam[tracks] = lam
        refresh_nodes(self.nodes, self.position, self.lam, np.asarray(tracks, np.int64))


def candidates_reference(
    x_eci: FloatArray, covariance: FloatArray, lam: FloatArray, lines: Lines
) -> tuple[IntArray, IntArray]:
    """The track tests of the module notes on every (track, line) pair, with NumPy.

    Parameters
    ----------
    x_eci : (n, 6) float64; covariance : (n, 6, 6) float64
    lam : (n,) float64
        Largest eigenvalue of each position covariance.
    lines : Lines

    Returns
    -------
    tracks, lines : (n_pair,) int64
        In line order, then track order.
    """
    w = x_eci[None, :, :3] - lines.origin  # (1, n_track, 3)
    rng = np.sqrt(np.einsum("tmk,tmk->tm", w, w))
    unit = w / rng[..., None]
    along = np.einsum("tmi,mij,tmj->tm", unit, covariance[:, :3, :3], unit)
    trace = np.trace(covariance[:, :3, :3], axis1=1, axis2=2)
    across = np.maximum(np.minimum(lam, trace - along), 0.0)
    cross = np.cross(w, lines.u[:, None, :])  # (n_line, n_track, 3)
    perp = np.sqrt(np.einsum("mtk,mtk->mt", cross, cross))
    rng2 = rng * rng
    root_g = lines.root_gate[:, None]
    bound = root_g * (
        np.sqrt(across + rng2 * lines.r_el[:, None]) + np.sqrt(across + rng2 * lines.r_az[:, None])
    )
    angles = np.isfinite(lines.r_el)[:, None]
    ok = ~angles | (perp <= bound * (1.0 + SLACK_REL) + SLACK_M)
    ranged = np.isfinite(lines.rho)[:, None]
    band = root_g * np.sqrt(along + lines.r_rho[:, None]) * (1.0 + SLACK_REL) + SLACK_M
    ok &= ~ranged | (np.abs(rng - lines.rho[:, None]) <= band)
    ok &= np.isfinite(x_eci[:, :3]).all(axis=1) & np.isfinite(lam)
    m, t = np.nonzero(ok)
    return t.astype(np.int64), m.astype(np.int64)

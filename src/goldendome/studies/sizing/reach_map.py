"""Reach maps: which circular orbits of one shell can engage a missile, as a function of node
and argument of latitude, and the count of any Walker pattern's satellites in reach at any
launch time by lookup.

A shell (altitude, inclination) is tiled with virtual satellites on an ``n_node x n_arg``
grid of right ascension of the node and argument of latitude at the epoch, and the reach
check of :mod:`goldendome.interceptors.sbi_reach` is run once against a missile launched
at scenario time 0. A later launch ``t`` is the same flight turned by the Earth's rotation
``omega_E t`` about the polar axis, and J2 dynamics are symmetric about that axis, so a
satellite with epoch node ``Omega`` and argument of latitude ``u`` is in reach of the launch
at ``t`` exactly when the virtual satellite at ``(Omega + (Omega_dot - omega_E) t,
u + u_dot t)`` is in reach of the launch at 0. Any constellation of the shell is then
evaluated over thousands of launch times by indexing, with no further physics.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from goldendome.interceptors.sbi_reach import pruning_radius_m, sbi_opportunities
from goldendome.interceptors.space_based import EngagementRule, KillVehicle
from goldendome.orbits.analytic import propagate_analytic, secular_rates
from goldendome.orbits.base import OrbitalElements
from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import MU_EARTH_M3_S2, OMEGA_EARTH_RAD_S, TWO_PI, WGS84_A_M
from goldendome.run.boost_tracks import BoostTracks, engagement_windows

#: Grid of the maps: 0.5 deg in node, 0.25 deg (about 30 km in LEO) in argument of latitude.
N_NODE, N_ARG = 720, 1440
#: Launch times looked up at once.
_CHUNK = 256


@dataclass(frozen=True)
class ReachMap:
    """Which virtual satellites of a shell reach one missile launched at scenario time 0.

    Attributes
    ----------
    altitude_m, inclination_rad : float
    in_reach : (n_node, n_arg) bool
    node_rate_rad_s, arg_rate_rad_s : float
        Secular rates of the node (inertial) and of the argument of latitude.
    """

    altitude_m: float
    inclination_rad: float
    in_reach: BoolArray
    node_rate_rad_s: float
    arg_rate_rad_s: float

    @property
    def mean_fraction(self) -> float:
        """Share of the shell in reach, averaged over node and phase (and so over time)."""
        return float(self.in_reach.mean())

    @cached_property
    def rows_in_reach(self) -> BoolArray:
        """(n_node,) bool: the node cells holding any satellite in reach."""
        return np.asarray(self.in_reach.any(axis=1), dtype=bool)

    def walker_counts(
        self, planes: int, per_plane: int, phasing: int, launch_times_s: FloatArray
    ) -> IntArray:
        """Satellites of a Walker delta pattern in reach at each launch time.

        Only the planes whose node cell holds some satellite in reach at a launch time are
        looked up (a few percent of them: the reach is a small patch of the shell); the cells
        looked up are those of the whole pattern, so the counts are the same.

        Parameters
        ----------
        planes, per_plane, phasing : int
            Walker p, t / p and f (nodes spread over 360 deg, first node at 0).
        launch_times_s : (n_launch,) float64, seconds since the epoch

        Returns
        -------
        (n_launch,) int64
        """
        total = planes * per_plane
        plane = np.arange(planes)
        node = plane * (TWO_PI / planes)  # (planes,)
        slot = np.arange(per_plane)[None, :]
        arg = TWO_PI * (slot / per_plane + plane[:, None] * phasing / total)  # (planes, per_plane)
        n_launch = launch_times_s.shape[0]
        counts = np.zeros(n_launch, dtype=np.int64)
        n_node, n_arg = self.in_reach.shape
        drift = self.node_rate_rad_s - OMEGA_EARTH_RAD_S
        for start in range(0, n_launch, _CHUNK):
            t = launch_times_s[start : start + _CHUNK, None]
            i = np.rint((node + drift * t) * (n_node / TWO_PI)).astype(np.int64) % n_node
            k_t, k_plane = np.nonzero(self.rows_in_reach[i])  # (time, plane) pairs to look up
            if k_t.size == 0:
                continue
            j = np.rint((arg[k_plane] + self.arg_rate_rad_s * t[k_t]) * (n_arg / TWO_PI))
            j = j.astype(np.int64) % n_arg
            hits = self.in_reach[i[k_t, k_plane][:, None], j].sum(axis=1)
            counts[start : start + _CHUNK] = np.bincount(k_t, weights=hits, minlength=t.shape[0])
        return counts


def shell_elements(
    altitude_m: float, inclination_rad: float, node_rad: FloatArray, arg_rad: FloatArray
) -> OrbitalElements:
    """Circular mean elements of satellites at given nodes and arguments of latitude."""
    return OrbitalElements.from_arrays(
        semi_major_axis_m=WGS84_A_M + altitude_m,
        eccentricity=0.0,
        inclination_rad=inclination_rad,
        raan_rad=node_rad,
        arg_perigee_rad=0.0,
        mean_anomaly_rad=arg_rad,
    )


def reach_map(
    tracks: BoostTracks,
    altitude_m: float,
    inclination_rad: float,
    vehicle: KillVehicle,
    rule: EngagementRule,
    threat: int = 0,
    shape: tuple[int, int] = (N_NODE, N_ARG),
) -> ReachMap:
    """The reach map of a shell against one missile of ``tracks`` (launched at t = 0).

    Virtual satellites farther from the missile, at the middle of its window, than the
    window's largest reach plus both bodies' motion are discarded before propagation; the
    rest go through :func:`goldendome.interceptors.sbi_reach.sbi_opportunities`.
    """
    n_node, n_arg = shape
    node = np.repeat(np.arange(n_node) * (TWO_PI / n_node), n_arg)
    arg = np.tile(np.arange(n_arg) * (TWO_PI / n_arg), n_node)
    launch_s, start_s, end_s = engagement_windows(tracks, rule)
    rates = secular_rates(WGS84_A_M + altitude_m, 0.0, inclination_rad)
    in_reach = np.zeros(n_node * n_arg, dtype=bool)
    window = (tracks.t_s >= start_s[threat]) & (tracks.t_s <= end_s[threat])
    if window.any():
        k = np.flatnonzero(window)
        k_ref = k[k.size // 2]
        threat_r = tracks.r_eci_m[threat : threat + 1]
        shell = shell_elements(altitude_m, inclination_rad, node, arg)
        r_ref = propagate_analytic(shell, tracks.t_s[k_ref : k_ref + 1])[:, 0]
        speed = 1.01 * np.sqrt(MU_EARTH_M3_S2 / (WGS84_A_M + altitude_m))
        bound = pruning_radius_m(
            tracks.t_s, threat_r[0], k, int(k_ref), float(launch_s[threat]), vehicle, speed
        )
        near = np.linalg.norm(r_ref - threat_r[0, k_ref], axis=-1) <= bound
        idx = np.flatnonzero(near)
        sat_r = propagate_analytic(
            shell_elements(altitude_m, inclination_rad, node[idx], arg[idx]), tracks.t_s
        )
        found = sbi_opportunities(
            tracks.t_s,
            sat_r,
            threat_r,
            start_s[threat : threat + 1],
            end_s[threat : threat + 1],
            launch_s[threat : threat + 1],
            vehicle,
        )
        in_reach[idx[found.satellite]] = True
    return ReachMap(
        altitude_m=altitude_m,
        inclination_rad=inclination_rad,
        in_reach=in_reach.reshape(n_node, n_arg),
        node_rate_rad_s=float(rates[0]),
        arg_rate_rad_s=float(rates[1] + rates[2]),
    )

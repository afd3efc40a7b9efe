"""Predicted intercept points: when each battery can launch to meet each object, and when.

A battery is one interceptor type at one launch site. For every (battery, object, sample)
the solver asks: if the interceptor is to meet the object at the sample time ``t_k``, when
must it leave? The interceptor flies straight from the site to the object's position at
``t_k`` in the Earth-fixed frame, so it must leave by

    launch_by = t_k - time_to_reach(|r_object(t_k) - r_site|),

and the intercept at ``t_k`` is feasible only where the object is flying (finite position),
its altitude lies in the type's intercept band and its ground range from the site is within
the type's maximum range. This is the predicted-intercept-point geometry behind the open
literature's defended-footprint and engagement-timeline analyses (e.g. the NRC report
"Making Sense of Ballistic Missile Defense", National Academies Press, 2012).

Approximations: the fly-out is a straight line flown with the type's average-speed model
(:mod:`goldendome.interceptors.ground_based`; gravity and drag left out). The Earth's
rotation is ignored during the fly-out: working in the Earth-fixed frame keeps the site
fixed and the object positions as given, and leaves out only the Coriolis and centrifugal
bending of the path, of order ``omega v t^2`` (about 2 % of the distance flown after 300 s
at 7.5 km/s). Ground range is measured on a sphere of radius 6,371 km between geocentric
sub-points; against the geodesic between geodetic sub-points this errs by up to about 1 %
of the range (see :mod:`goldendome.physics.geodesy`). Between samples the solver
interpolates ``launch_by`` linearly, which is exact while the object moves in a straight
line at constant speed and the interceptor coasts.

Manoeuvring and low-flying targets (issue 18). The kinematic window flies against the
target's true trajectory (where the interceptor physically has to go), with one more rule
and no knowledge of what the target is:

* **No regime**: the window is kinematic. Whether a type's round is worth firing at a target
  is the battle manager's call on the regime it reads from the track
  (:mod:`goldendome.engagement.battle`), and whether it kills is scored on the target's true
  regime at the intercept (an exoatmospheric kill vehicle fired at a glider misread as
  ballistic meets it in its glide with no kill probability against it). A caller that does
  know each object's regime may still pass it (``target_regime``: an intercept then needs
  the type's SSPK against it above 0); the run does not.
* **Radar horizon**: a battery with its own fire-control antenna (``radar_height_m`` above
  its site) intercepts only a target above that antenna's horizon: the distance to it is at
  most the radar horizon range of the two heights (``radar_horizon_m``, the 4/3-Earth
  formula of :mod:`goldendome.sensors.radar_horizon`, which the run passes in: this package
  does not import sensors). A type without an antenna height (cued by remote sensors, or a
  fighter's look-down radar) has no such limit.

The straight fly-out against a low flier: a chord from a surface site to a target tens of
metres up at the edge of a 45 km range dips up to ``d^2 / 8R``, some 40 m, below the curved
sea-level surface; the real missile lofts over it. Its length differs from the lofted path's
by well under 1 %, so the time of flight is kept; the horizon rule, not the chord, decides
whether the target can be engaged. Against a glider the interceptor climbs from its site
into the 30-100 km band along the same straight line (gravity ignored, as above).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from goldendome.interceptors.base import FlyOut
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodetic import ecef_to_geodetic

#: The radar horizon range (m) of an antenna and a target at two heights (m), broadcasting.
HorizonRange = Callable[[ArrayLike, ArrayLike], FloatArray]


class Envelope(FlyOut, Protocol):
    """A fly-out with an engagement envelope (as :class:`InterceptorType` has)."""

    @property
    def min_intercept_altitude_m(self) -> float:
        """Lowest intercept altitude, meters."""
        ...

    @property
    def max_intercept_altitude_m(self) -> float:
        """Highest intercept altitude, meters."""
        ...

    @property
    def max_range_m(self) -> float:
        """Largest ground range from the launch site to the intercept point, meters."""
        ...

    @property
    def sspk_by_regime(self) -> FloatArray:
        """SSPK against a ballistic, a gliding and an air-breathing target, (3,)."""
        ...

    @property
    def radar_height_m(self) -> float | None:
        """Height of the battery's own fire-control antenna above its site (None: none)."""
        ...


@dataclass(frozen=True, eq=False)
class InterceptWindows:
    """Latest launch times of every battery against every object at every sample.

    Attributes
    ----------
    t_s : (n_t,) float64, seconds since the scenario epoch, increasing
    launch_by_s : (n_battery, n_object, n_t) float64, seconds
        The latest launch that still intercepts the object at ``t_s[k]``; NaN where an
        intercept at ``t_s[k]`` is infeasible (object not flying, altitude outside the
        type's band, ground range beyond its maximum, below the battery's radar horizon).
    distance_m : (n_battery, n_object, n_t) float64, meters
        Straight-line distance from the site to the object (NaN where it is not flying).
    """

    t_s: FloatArray
    launch_by_s: FloatArray
    distance_m: FloatArray

    def earliest(self, ready_s: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """Earliest intercept of each object by each battery launching no sooner than ready.

        Parameters
        ----------
        ready_s : float64, seconds, broadcastable to (n_battery, n_object)
            The earliest time each launch may leave (e.g. track established + decision).

        Returns
        -------
        intercept_t_s, launch_t_s : (n_battery, n_object) float64, seconds
            The first time at which ``launch_by >= ready`` and the launch time that meets
            it; NaN where no sample qualifies. Where ``launch_by - ready`` crosses zero
            between a feasible sample ``k - 1`` (negative) and the first qualifying sample
            ``k``, the crossing time is interpolated linearly and the launch time is
            ``ready_s`` itself; otherwise the intercept is at ``t_s[k]`` and the launch at
            ``launch_by_s[..., k]``.
        """
        shape = self.launch_by_s.shape[:2]
        ready = _broadcast(ready_s, shape, "ready_s")
        intercept = np.full(shape, np.nan)
        launch = np.full(shape, np.nan)
        if self.t_s.size == 0:
            return intercept, launch
        margin = self.launch_by_s - ready[..., None]
        ok = margin >= 0.0  # NaN (infeasible) compares False
        found = ok.any(axis=-1)
        k = np.argmax(ok, axis=-1)
        km1 = np.maximum(k - 1, 0)
        m_k = np.take_along_axis(margin, k[..., None], axis=-1)[..., 0]
        m_prev = np.take_along_axis(margin, km1[..., None], axis=-1)[..., 0]
        cross = found & (k > 0) & np.isfinite(m_prev)  # m_prev < 0: k is the first ok
        t_k, t_prev = self.t_s[k], self.t_s[km1]
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = np.where(cross, m_prev / (m_prev - m_k), 0.0)
        intercept[found] = t_k[found]
        intercept[cross] = (t_prev + frac * (t_k - t_prev))[cross]
        launch_k = np.take_along_axis(self.launch_by_s, k[..., None], axis=-1)[..., 0]
        launch[found] = launch_k[found]
        launch[cross] = ready[cross]
        return intercept, launch

    def latest_intercept_s(self) -> FloatArray:
        """Last feasible sample time, (n_battery, n_object) float64 seconds; NaN if never."""
        shape = self.launch_by_s.shape[:2]
        out = np.full(shape, np.nan)
        if self.t_s.size == 0:
            return out
        feasible = np.isfinite(self.launch_by_s)
        any_ = feasible.any(axis=-1)
        last = self.t_s.size - 1 - np.argmax(feasible[..., ::-1], axis=-1)
        out[any_] = self.t_s[last][any_]
        return out


def sub_point_distance_m(
    a_ecef_m: ArrayLike, b_ecef_m: ArrayLike, radius_m: float = R_EARTH_MEAN_M
) -> FloatArray:
    """Great-circle distance between the geocentric sub-points of two positions.

    Parameters
    ----------
    a_ecef_m, b_ecef_m : (..., 3) float64, meters, Earth-fixed
        Positions; they broadcast together. Only their directions matter.
    radius_m : float, meters
        Sphere radius (default: the IUGG mean Earth radius, 6,371 km).

    Returns
    -------
    (...) float64, meters
        ``radius * angle`` between the two directions, in [0, pi radius]; NaN where either
        position is NaN.
    """
    a = np.asarray(a_ecef_m, dtype=np.float64)
    b = np.asarray(b_ecef_m, dtype=np.float64)
    sine = np.linalg.norm(np.cross(a, b), axis=-1)
    cosine = np.sum(a * b, axis=-1)
    return np.asarray(radius_m * np.arctan2(sine, cosine), dtype=np.float64)


def intercept_windows(
    batteries: Sequence[Envelope],
    site_r_ecef_m: ArrayLike,
    t_s: ArrayLike,
    r_ecef_m: ArrayLike,
    altitude_m: ArrayLike,
    ground_range_m: ArrayLike | None = None,
    target_regime: ArrayLike | None = None,
    radar_horizon_m: HorizonRange | None = None,
) -> InterceptWindows:
    """Latest launch times of batteries against sampled object trajectories.

    Parameters
    ----------
    batteries : sequence of n_battery interceptor types (:class:`Envelope`)
        One per battery; the same type may appear at several sites.
    site_r_ecef_m : (n_battery, 3) float64, meters, Earth-fixed
        Launch site positions.
    t_s : (n_t,) float64, seconds since the scenario epoch, strictly increasing
    r_ecef_m : (n_object, n_t, 3) float64, meters, Earth-fixed
        Object positions, NaN where an object is not flying.
    altitude_m : (n_object, n_t) float64, meters
        Geodetic altitude of the objects (NaN where not flying).
    ground_range_m : (n_battery, n_object, n_t) float64, meters, optional
        Ground range from each site to each object's sub-point. Default: the great-circle
        distance on a 6,371 km sphere (:func:`sub_point_distance_m`).
    target_regime : (n_object, n_t) int, optional
        Each object's regime at each sample (0 ballistic, 1 glide, 2 air-breathing): an
        intercept needs the type's SSPK against it above 0. Default: none, the windows are
        kinematic (what a type's round can do against the target is not theirs to say).
    radar_horizon_m : callable, optional
        ``f(antenna_height_m, target_height_m)``, the radar horizon range (m): an intercept
        by a type with ``radar_height_m`` needs the distance within it (antenna height: the
        site's geodetic altitude plus ``radar_height_m``). Default: no horizon rule.

    Returns
    -------
    InterceptWindows
        Arrays of shape (n_battery, n_object, n_t); empty axes give empty arrays.

    Raises
    ------
    ValueError
        If a shape does not match the others or ``t_s`` is not strictly increasing.
    """
    t = np.asarray(t_s, dtype=np.float64)
    r = np.asarray(r_ecef_m, dtype=np.float64)
    alt = np.asarray(altitude_m, dtype=np.float64)
    n_b = len(batteries)
    if t.ndim != 1 or np.any(np.diff(t) <= 0.0):
        raise ValueError("t_s must be a 1-D array of strictly increasing times (seconds).")
    n_t = t.size
    if r.ndim != 3 or r.shape[1:] != (n_t, 3):
        raise ValueError(
            f"r_ecef_m must have shape (n_object, {n_t}, 3) to match t_s; got {r.shape}."
        )
    n_o = r.shape[0]
    site = _shaped(site_r_ecef_m, (n_b, 3), "site_r_ecef_m", "one row per battery")
    alt = _shaped(alt, (n_o, n_t), "altitude_m", "one row per object, one column per sample")
    ground = None
    if ground_range_m is not None:
        ground = _shaped(ground_range_m, (n_b, n_o, n_t), "ground_range_m", "battery, object, t")
    regime = None
    if target_regime is not None:
        regime = _shaped(target_regime, (n_o, n_t), "target_regime", "object, t").astype(np.int64)
    launch_by = np.full((n_b, n_o, n_t), np.nan)
    distance = np.full((n_b, n_o, n_t), np.nan)
    site_alt = ecef_to_geodetic(site)[2] if n_b else np.empty(0)
    for b, battery in enumerate(batteries):  # one battery at a time bounds the temporaries
        d = np.linalg.norm(r - site[b], axis=-1)
        g = ground[b] if ground is not None else sub_point_distance_m(site[b], r)
        ok = (
            (alt >= battery.min_intercept_altitude_m)
            & (alt <= battery.max_intercept_altitude_m)
            & (g <= battery.max_range_m)
            & np.isfinite(d)
        )
        if regime is not None:
            ok &= battery.sspk_by_regime[regime] > 0.0
        mast = battery.radar_height_m
        if radar_horizon_m is not None and mast is not None:
            ok &= d <= radar_horizon_m(site_alt[b] + mast, alt)
        distance[b] = d
        launch_by[b] = np.where(ok, t - battery.time_to_reach_s(d), np.nan)
    return InterceptWindows(t_s=t, launch_by_s=launch_by, distance_m=distance)


def _shaped(value: ArrayLike, shape: tuple[int, ...], name: str, what: str) -> FloatArray:
    array = np.asarray(value, dtype=np.float64)
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape} ({what}); got {array.shape}.")
    return array


def _broadcast(value: ArrayLike, shape: tuple[int, ...], name: str) -> FloatArray:
    array = np.asarray(value, dtype=np.float64)
    try:
        return np.broadcast_to(array, shape)
    except ValueError:
        raise ValueError(
            f"{name} must broadcast to (n_battery, n_object) = {shape}; got {array.shape}."
        ) from None

"""What the battle manager shoots at: the tracker's fire-control tracks, not the objects.

Every track that reached fire-control quality in the run's sensing pass is a target (one
sensing realization per run: the trials share it, and vary only what happens after). A
target carries what the battle manager knows of it (its fire-control time, the impact
predicted from its state then with that prediction's 1-sigma, and how its uncertainty grew
or shrank with every later update) and, for scoring only, the truth: the released object the
track is on (``owner``; -1 for a track on no released object: a ghost, or a spent stage;
``on_stage`` says which tracks are on a missile's spent stage, which discrimination may
tell apart) and the object an interceptor aimed at it actually flies against (``proxy``: the
owner, or for a track on no released object the released object nearest the track when it
reached fire control; -1 when none was flying).

The kill vehicle covers the prediction error or misses: the error at the intercept is taken
from the latest track update before the interceptor leaves, carried to the intercept at the
track's velocity uncertainty, ``sigma(t) = sqrt(sigma_p^2 + (sigma_v (t - t_update))^2)``
(each the root of its covariance block's largest eigenvalue, so the error in any direction
is bounded by it), and treated as circular normal with that 1-sigma per axis in the plane
across the line of sight: the chance that a kill vehicle with divert reach ``D`` covers it
is the Rayleigh ``P = 1 - exp(-D^2 / (2 sigma^2))``. In-flight target updates, which real
systems send the kill vehicle, are left out (the cover is the one the launch order had)
except for the types that declare them (``uplink_cutoff_s``: the last update before that
cut-off ahead of the intercept sets the error, :mod:`goldendome.engagement.battle`).

What the track flies (issue 18): each target carries the regime the battle manager read from
the track's own states (:mod:`goldendome.tracking.regime`: ballistic, glide or
air-breathing), the first non-ballistic reading from fire control on, the time of that
reading and the state it was made from, and the state of every update
(``update_x_eci``). A ballistic target's threat is its predicted impact; a non-ballistic
one's is the defended asset its ground path threatens, judged again at every update from
the reading on (:func:`goldendome.tracking.regime.path_threat`; a cruise missile turns at
its waypoints): it is engaged no earlier than the first update whose state threatens an
asset (:attr:`goldendome.engagement.picture.KillChainSetup.target_threat`).
"""

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray

#: Spacing of one target's update times in the search key of :meth:`TrackTargets.sigma_m`
#: (seconds; longer than any scenario).
_KEY_SPAN_S = 2.0**21


@dataclass(frozen=True, eq=False)
class TrackTargets:
    """The ``n`` fire-control tracks of a run, as the battle manager holds them.

    Attributes
    ----------
    track_id : (n,) int64
        The tracker's id of each track (the ``tracks`` table).
    owner : (n,) int64
        Released-object index the track is on, -1 for none (truth: scoring only).
    proxy : (n,) int64
        Released object whose intercept windows an interceptor aimed at the track flies
        against (the owner, or the nearest released object at fire control; -1: none).
    on_stage : (n,) bool
        The track is on a missile's spent stage (or its boosting missile; truth).
    fire_control_s : (n,) float64, seconds on the scenario clock
        When the track reached fire-control quality.
    last_update_s : (n,) float64, seconds
        The track's last update (the tracker held it no longer).
    impact_lat_rad, impact_lon_rad : (n,) float64, radians, geodetic
        Impact predicted from the track's state at fire control (ballistic, no drag; NaN:
        it predicts none).
    impact_sigma_m : (n,) float64, meters
        That prediction's 1-sigma (semi-major axis of the ground ellipse).
    update_start : (n + 1,) int64
        Target ``k``'s updates are rows ``update_start[k]:update_start[k + 1]`` of the
        three arrays below, in time order, the first at fire control.
    update_t_s : (m,) float64, seconds
    update_position_sigma_m : (m,) float64, meters
    update_velocity_sigma_m_s : (m,) float64, m/s
    regime : (n,) int64
        :class:`goldendome.tracking.regime.Regime` code the battle manager read from the
        track (default: every track ballistic).
    regime_s : (n,) float64, seconds
        When it read a non-ballistic regime (default, and for ballistic tracks: the
        fire-control time).
    regime_x_eci : (n, 6) float64, m and m/s
        The track's state then (NaN rows for ballistic tracks).
    regime_theta_rad : (n,) float64, radians
        Earth rotation angle then.
    update_x_eci : (m, 6) float64, m and m/s
        The track's state at each update (the rows of ``update_t_s``); empty (the
        default): not kept, and a non-ballistic target's threat is judged on
        ``regime_x_eci`` alone.
    """

    track_id: IntArray
    owner: IntArray
    proxy: IntArray
    on_stage: BoolArray
    fire_control_s: FloatArray
    last_update_s: FloatArray
    impact_lat_rad: FloatArray
    impact_lon_rad: FloatArray
    impact_sigma_m: FloatArray
    update_start: IntArray
    update_t_s: FloatArray
    update_position_sigma_m: FloatArray
    update_velocity_sigma_m_s: FloatArray
    regime: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    regime_s: FloatArray = field(default_factory=lambda: np.empty(0))
    regime_x_eci: FloatArray = field(default_factory=lambda: np.empty((0, 6)))
    regime_theta_rad: FloatArray = field(default_factory=lambda: np.empty(0))
    update_x_eci: FloatArray = field(default_factory=lambda: np.empty((0, 6)))

    def __len__(self) -> int:
        return int(self.track_id.shape[0])

    def __post_init__(self) -> None:
        n = len(self)
        empty = np.flatnonzero(np.diff(self.update_start) < 1)
        if self.update_start.shape != (n + 1,) or empty.size:
            raise ValueError(
                f"every target needs at least one update (its fire-control state) and "
                f"update_start needs {n + 1} entries; got {self.update_start.shape[0]} entries "
                f"and {empty.size} target(s) without an update."
            )
        m = self.update_t_s.shape[0]
        if self.update_x_eci.shape[0] and self.update_x_eci.shape != (m, 6):
            raise ValueError(
                f"update_x_eci needs one (6,) state per update, shape ({m}, 6); got "
                f"{self.update_x_eci.shape}."
            )
        if n and not self.regime.size:  # every track ballistic, read at fire control
            object.__setattr__(self, "regime", np.zeros(n, np.int64))
            object.__setattr__(self, "regime_s", np.asarray(self.fire_control_s, np.float64))
            object.__setattr__(self, "regime_x_eci", np.full((n, 6), np.nan))
            object.__setattr__(self, "regime_theta_rad", np.full(n, np.nan))

    @property
    def engage_from_s(self) -> FloatArray:
        """Earliest time the battle manager may act on each track: its fire control, or the
        later reading of a non-ballistic regime, (n,) float64 seconds."""
        return np.asarray(np.fmax(self.fire_control_s, self.regime_s), np.float64)

    @cached_property
    def _key(self) -> FloatArray:
        """The search key of the updates: target index times a span, plus the time."""
        per = np.diff(self.update_start)
        return np.asarray(np.repeat(np.arange(len(self)), per) * _KEY_SPAN_S + self.update_t_s)

    def update_row(self, target: IntArray, t_s: ArrayLike) -> IntArray:
        """Each target's last update at or before ``t_s`` (its first when earlier; NaN:
        the first), as a row of the ``update_*`` arrays.

        Parameters
        ----------
        target : (...) int64
            Target indices.
        t_s : (...) float64, seconds, broadcastable to ``target``

        Returns
        -------
        (...) int64
        """
        k = np.asarray(target, np.int64)
        t = np.broadcast_to(np.asarray(t_s, np.float64), k.shape)
        query = k * _KEY_SPAN_S + np.nan_to_num(t, nan=-1.0)
        row = np.searchsorted(self._key, query, side="right") - 1
        return np.asarray(np.clip(row, self.update_start[k], self.update_start[k + 1] - 1))

    def sigma_m(self, target: IntArray, launch_s: ArrayLike, intercept_s: ArrayLike) -> FloatArray:
        """Prediction 1-sigma at the intercept, from the last update before the launch.

        Parameters
        ----------
        target : (...) int64
            Target indices.
        launch_s, intercept_s : (...) float64, seconds, broadcastable to ``target``
            The interceptor's launch and the intercept (NaN: no shot; gives NaN).

        Returns
        -------
        (...) float64, meters
        """
        k = np.asarray(target, np.int64)
        launch = np.broadcast_to(np.asarray(launch_s, np.float64), k.shape)
        t_int = np.broadcast_to(np.asarray(intercept_s, np.float64), k.shape)
        row = self.update_row(k, launch)
        coast = np.maximum(t_int - self.update_t_s[row], 0.0)
        sigma_p = self.update_position_sigma_m[row]
        sigma_v = self.update_velocity_sigma_m_s[row]
        return np.asarray(np.hypot(sigma_p, sigma_v * coast), np.float64)


def cover_probability(divert_m: ArrayLike, sigma_m: ArrayLike) -> FloatArray:
    """Chance that a kill vehicle's divert reach covers a circular normal prediction error.

    Parameters
    ----------
    divert_m : (...) float64, meters
        Divert reach (inf: any error is covered).
    sigma_m : (...) float64, meters
        1-sigma of the error per axis across the line of sight (0: none).

    Returns
    -------
    (...) float64
        ``1 - exp(-D^2 / (2 sigma^2))`` (Rayleigh), in [0, 1]; NaN where ``sigma_m`` is NaN.
    """
    d = np.asarray(divert_m, np.float64)
    s = np.asarray(sigma_m, np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(np.isinf(d), np.inf, d**2 / (2.0 * s**2))
    return np.asarray(np.where(np.isnan(s), np.nan, -np.expm1(-ratio)), np.float64)


def one_track_per_object(
    fire_control_s: FloatArray,
    impact_lat_rad: FloatArray,
    impact_lon_rad: FloatArray,
    impact_sigma_m: FloatArray,
    position_sigma_m: float = 0.0,
    velocity_sigma_m_s: float = 0.0,
) -> TrackTargets:
    """A perfect tracker's targets: one track per object given fire control (NaN: none),
    held to the end with constant uncertainty (hand-made setups, studies' own pictures).

    Parameters
    ----------
    fire_control_s, impact_lat_rad, impact_lon_rad, impact_sigma_m : (n_obj,) float64
    position_sigma_m : float, meters
    velocity_sigma_m_s : float, m/s

    Returns
    -------
    TrackTargets
        Target ``k`` is track ``k`` on object ``k``, for every object with fire control.
    """
    objs = np.flatnonzero(np.isfinite(fire_control_s))
    n = objs.size
    return TrackTargets(
        track_id=objs.astype(np.int64),
        owner=objs.astype(np.int64),
        proxy=objs.astype(np.int64),
        on_stage=np.zeros(n, np.bool_),
        fire_control_s=np.asarray(fire_control_s, np.float64)[objs],
        last_update_s=np.full(n, np.inf),
        impact_lat_rad=np.asarray(impact_lat_rad, np.float64)[objs],
        impact_lon_rad=np.asarray(impact_lon_rad, np.float64)[objs],
        impact_sigma_m=np.asarray(impact_sigma_m, np.float64)[objs],
        update_start=np.arange(n + 1, dtype=np.int64),
        update_t_s=np.asarray(fire_control_s, np.float64)[objs],
        update_position_sigma_m=np.full(n, position_sigma_m),
        update_velocity_sigma_m_s=np.full(n, velocity_sigma_m_s),
    )

"""The engagement picture: what every Monte Carlo trial of a run shares, computed once.

A trial varies the boost sample (a phasing of the interceptor constellation with its own
detection draws), what discrimination tells, and every shot's outcome. The rest is
deterministic and held here: the source of the SBI opportunities of each boost sample
(computed where a trial first needs it), the batteries with their magazines and intercept
windows, each released object's kind, missile, true impact and chance of being told apart,
and the fire-control tracks the battle manager engages
(:class:`goldendome.engagement.targets.TrackTargets`: one sensing realization per run).
The run builds it (``goldendome.run``); the battle manager
(:mod:`goldendome.engagement.battle`) reads it.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

import numpy as np

from goldendome.engagement.discrimination_call import CallInputs, DiscriminationModel, ObjectCalls
from goldendome.engagement.doctrine import Doctrine
from goldendome.engagement.ranges import RangedParameter
from goldendome.engagement.targets import TrackTargets
from goldendome.interceptors.ground_based import InterceptorType
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.interceptors.manoeuvre import ManoeuvreRule
from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.tracking.regime import Regime, path_threat


@dataclass(frozen=True)
class Battery:
    """Interceptors of one type at one site.

    Attributes
    ----------
    site_id : int
        The site in the scenario's order.
    site : str
        The site's name.
    kind : InterceptorType
    magazine : int
        Rounds the doctrine may fire (the reserve held back).
    r_ecef_m : (3,) float64, meters
        The launch site, Earth-fixed.
    """

    site_id: int
    site: str
    kind: InterceptorType
    magazine: int
    r_ecef_m: FloatArray


@dataclass(frozen=True)
class BoostPhase:
    """SBI opportunities against the missiles for one phasing of the constellation.

    The first ten attributes are ``(n_pair,)``: the SBI (index within its layer), the
    missile, the kill vehicle's release and the intercept, and where both happen (degrees,
    meters). The next three are ``(n_threat,)``, seconds on the scenario clock: each
    missile's first report in this sample (inf: none while it burns), the commit (first
    report plus the decision delay; no kill vehicle leaves earlier) and the deadline. The
    last three are ``(n_pair,)`` again: where the missile's payload lands if this intercept
    kills the booster (it flies on from its state at the intercept: the boost-phase
    shortfall; degrees, NaN where it never lands) and whether it lands at all, each
    indexed like an array (:class:`Indexed`; a sample flies only the landings asked for).
    """

    satellite: IntArray
    threat: IntArray
    launch_time_s: FloatArray
    intercept_time_s: FloatArray
    launch_latitude_deg: FloatArray
    launch_longitude_deg: FloatArray
    launch_altitude_m: FloatArray
    latitude_deg: FloatArray
    longitude_deg: FloatArray
    altitude_m: FloatArray
    first_report_s: FloatArray
    commit_s: FloatArray
    window_end_s: FloatArray
    payload_latitude_deg: "Indexed"
    payload_longitude_deg: "Indexed"
    payload_landed: "Indexed"


class Indexed(Protocol):
    """A column indexed like an array: an array, or one worked out for the indices asked
    (a boost sample's payload landings, :mod:`goldendome.run.boost_landings`)."""

    def __getitem__(self, index: Any, /) -> Any:
        """The values at ``index``."""
        ...


class BoostSource(Protocol):
    """Where a trial's SBI opportunities come from: ``n_samples`` samples (a phasing of the
    interceptor layer with its own detection draws), each computed on first use
    (:class:`goldendome.run.boost_sampler.BoostSampler`)."""

    @property
    def n_samples(self) -> int:
        """Samples the trials spread over."""
        ...

    def phase(self, k: int) -> BoostPhase:
        """The opportunities of sample ``k``, the kill vehicles leaving no earlier than the
        sample's first report of their missile plus the decision delay."""
        ...


@dataclass(frozen=True)
class FixedBoost:
    """A :class:`BoostSource` of samples given in advance (a study's own, or a test's)."""

    phases: tuple[BoostPhase, ...]

    @property
    def n_samples(self) -> int:
        """Samples given."""
        return len(self.phases)

    def phase(self, k: int) -> BoostPhase:
        """Sample ``k`` as given."""
        return self.phases[k]


def trial_sample(trial: int, n_trials: int, n_samples: int) -> int:
    """The boost sample of trial ``trial`` of ``n_trials``: the samples in equal strata
    (trial ``k`` takes sample ``floor(k n_samples / n_trials)``), so every launch time of
    day is sampled as evenly as the trials allow and a chunk of consecutive trials needs
    few samples."""
    if n_samples <= 1 or n_trials <= 0:
        return 0
    return min(n_samples - 1, trial * n_samples // n_trials)


@dataclass(frozen=True, eq=False)
class KillChainSetup:
    """Deterministic inputs of every trial (picklable, sent once to each worker).

    Object arrays run over the released objects (``n_obj``) in deployment order; their
    global object ids are ``n_missile + index``.
    """

    doctrine: Doctrine
    n_missile: int
    boost: BoostSource | None
    sbi_first_satellite_id: int
    sbi_sspk: float
    sbi_unit_cost_usd: float
    object_kind: IntArray  # (n_obj,) ObjectKind codes
    object_missile: IntArray  # (n_obj,)
    object_impact_lat_rad: FloatArray  # (n_obj,) true impact (with drag)
    object_impact_lon_rad: FloatArray  # (n_obj,)
    object_asset: IntArray  # (n_obj,) defended asset whose area holds the true impact, or -1
    calls: ObjectCalls  # what discrimination may call each object; the doctrine's rule
    stage_told_probability: float  # a spent stage's track told for what it is
    targets: TrackTargets  # the fire-control tracks the battle manager engages
    asset_lat_rad: FloatArray  # (n_asset,)
    asset_lon_rad: FloatArray  # (n_asset,)
    asset_radius_m: FloatArray  # (n_asset,)
    asset_worth: FloatArray  # (n_asset,)
    asset_names: list[str]
    batteries: list[Battery]
    windows: InterceptWindows  # (n_battery, n_obj, n_t)
    object_r_ecef_m: FloatArray  # (n_obj, n_t, 3) on windows.t_s, NaN while not flying
    #: Correlation of two shots' outcomes in one trial, by interceptor type name (``"sbi"``
    #: for the space-based interceptors); absent or 0: independent shots
    #: (:mod:`goldendome.engagement.correlated`).
    correlation: dict[str, float] = field(default_factory=dict)
    #: Parameters given as ranges, drawn once per trial in this order
    #: (:mod:`goldendome.engagement.ranges`); the fields above hold their means.
    ranges: tuple[RangedParameter, ...] = ()
    #: Index into ``ranges`` of the SBI's kill probability (-1: a point value).
    sbi_range: int = -1
    #: ``(n_battery, 2)`` int64: index into ``ranges`` of each battery's SSPK against an RV
    #: and against a decoy (-1: a point value); None: no battery's is a range.
    battery_ranges: IntArray | None = None
    #: Discrimination figures given as ranges: index into ``ranges`` and path in the model.
    call_ranges: tuple[tuple[int, tuple[str, ...]], ...] = ()
    #: What the truth's calls depend on, and the model at the ranges' means (needed only
    #: when ``call_ranges`` is not empty).
    call_inputs: CallInputs | None = None
    call_model: DiscriminationModel | None = None
    #: Index into ``ranges`` of the spent stages' told probability (-1: a point value).
    stage_range: int = -1
    #: ``(n_obj, n_t)`` int64 on ``windows.t_s``: each object's true regime at each sample
    #: (:class:`goldendome.tracking.regime.Regime`), which scores a shot's kill; None:
    #: every object ballistic throughout.
    object_regime: IntArray | None = None
    #: The manoeuvre rule (an interceptor's SSPK against a manoeuvring target).
    manoeuvre: ManoeuvreRule = field(default_factory=ManoeuvreRule)

    def true_regime(self, obj: IntArray, t_s: FloatArray) -> IntArray:
        """Regime code of released objects ``obj`` at times ``t_s`` (the first sample at or
        after each time: where the window found the intercept feasible), ``(n,)`` int64."""
        obj = np.asarray(obj, np.int64)
        if self.object_regime is None or not obj.size:
            return np.zeros(obj.shape, np.int64)
        grid = self.windows.t_s
        k = np.clip(np.searchsorted(grid, np.nan_to_num(t_s, nan=0.0)), 0, grid.size - 1)
        return np.asarray(self.object_regime[obj, k], np.int64)

    def trial_calls(self, draws: FloatArray) -> ObjectCalls:
        """The calls of a trial with parameter draws ``draws``: the truth's probabilities
        with the drawn discrimination figures, the battle manager's rule unchanged (it plans
        with the means)."""
        if not self.call_ranges:
            return self.calls
        assert self.call_inputs is not None
        assert self.call_model is not None
        model = self.call_model
        for k, path in self.call_ranges:
            model = model.with_value(path, float(draws[k]))
        truth = self.call_inputs.truth(model)
        return ObjectCalls(truth, self.calls.posterior, self.calls.engage)

    def trial_stage_told(self, draws: FloatArray) -> float:
        """A spent stage's told probability in a trial with parameter draws ``draws``."""
        return (
            float(draws[self.stage_range]) if self.stage_range >= 0 else self.stage_told_probability
        )

    @property
    def n_objects(self) -> int:
        """Released objects."""
        return int(self.object_kind.shape[0])

    @cached_property
    def layer_windows(self) -> dict[str, tuple[IntArray, InterceptWindows, BoolArray]]:
        """Each surface layer's batteries (indices), their intercept windows alone, and the
        objects any of them can reach.

        The windows keep only the samples from the first to the last at which any of the
        layer's batteries can intercept anything: the earliest intercept is the same (the
        samples left out are infeasible for every pair), and each trial's looks slice less.
        """
        out = {}
        for layer in ("midcourse", "terminal"):
            rows = [k for k, b in enumerate(self.batteries) if b.kind.phase == layer]
            bats = np.array(rows, np.int64)
            w = self.windows
            launch_by, distance = w.launch_by_s[bats], w.distance_m[bats]
            feasible = np.isfinite(launch_by)
            cols = np.flatnonzero(feasible.any(axis=(0, 1)))
            span = slice(cols[0], cols[-1] + 1) if cols.size else slice(0, 0)
            windows = InterceptWindows(w.t_s[span], launch_by[..., span], distance[..., span])
            out[layer] = (bats, windows, np.asarray(feasible.any(axis=(0, 2)), dtype=np.bool_))
        return out

    @cached_property
    def target_threat(self) -> tuple[IntArray, FloatArray]:
        """The defended asset each target threatens (-1: none) and when the battle manager
        can judge so, ``(n_target,)`` int64 and float64 seconds.

        The threat assessment of the Iron Dome rule, on the track's own prediction: within
        an area's radius plus ``threat_sigma`` times the prediction's 1-sigma, judged at
        fire control. A track read as non-ballistic threatens the asset its ground path
        leads to instead (:func:`goldendome.tracking.regime.path_threat`), judged again at
        every update from its reading on, on that update's state alone (never a later one):
        the first update whose path threatens an asset gives the asset and the time (a
        cruise missile read before its turn toward its target threatens it from the turn
        on). A non-ballistic track that never threatens one is judged at its reading.
        Without the updates' states (``targets.update_x_eci`` empty) the reading's state
        alone is judged. This first judgement decides whether and from when a track is
        engaged; what a kill is worth at each look is judged again then
        (:meth:`threat_at`: a cruise missile that turns toward another asset is valued
        against that one from the turn on).
        """
        t = self.targets
        when = np.array(t.engage_from_s, np.float64)
        if not self.asset_worth.size:  # no defended assets: nothing threatens one
            return np.full(len(t), -1, np.int64), when
        margin = self.doctrine.threat_sigma * t.impact_sigma_m
        k = nearest_asset(
            t.impact_lat_rad, t.impact_lon_rad, self.asset_lat_rad, self.asset_lon_rad,
            self.asset_radius_m, margin,
        )  # fmt: skip
        steered = np.flatnonzero(t.regime != Regime.BALLISTIC)
        if not steered.size:
            return k, when
        if not t.update_x_eci.shape[0]:
            k[steered] = path_threat(
                t.regime_x_eci[steered], t.regime_theta_rad[steered], t.regime[steered],
                self.asset_lat_rad, self.asset_lon_rad, self.asset_radius_m,
            )  # fmt: skip
            return k, when
        trg, row, asset = self._judged_updates
        t_row = t.update_t_s[row]
        k[steered] = -1
        hit = asset >= 0
        first, at = np.unique(trg[hit], return_index=True)  # rows are in time order
        k[first] = asset[hit][at]
        when[first] = np.maximum(when[first], t_row[hit][at])
        return k, when

    @cached_property
    def _judged_updates(self) -> tuple[IntArray, IntArray, IntArray]:
        """Every update of the non-ballistic targets from their reading on, in time order:
        its target, its row in ``targets.update_*`` and the defended asset its state alone
        threatens (-1: none), ``(n_row,)`` int64 each."""
        t = self.targets
        per = np.diff(t.update_start)
        target = np.repeat(np.arange(len(t)), per)
        rows = np.flatnonzero(
            (t.regime[target] != Regime.BALLISTIC) & (t.update_t_s >= t.regime_s[target])
        )
        trg, t_row = target[rows], t.update_t_s[rows]
        theta = t.regime_theta_rad[trg] + OMEGA_EARTH_RAD_S * (t_row - t.regime_s[trg])
        asset = path_threat(
            t.update_x_eci[rows], theta, t.regime[trg],
            self.asset_lat_rad, self.asset_lon_rad, self.asset_radius_m,
        )  # fmt: skip
        return trg, rows, asset

    @cached_property
    def _latest_threat(self) -> IntArray:
        """``(m,)`` int64 over the targets' updates: the defended asset a non-ballistic
        target's ground path last threatened at that update or before it, from its reading
        on (-1: none yet, and for the updates of ballistic targets)."""
        t = self.targets
        m = t.update_t_s.shape[0]
        _, rows, asset = self._judged_updates
        hit = asset >= 0
        seen = np.full(m, -1, np.int64)
        seen[rows[hit]] = rows[hit]
        seen = np.maximum.accumulate(seen) if m else seen  # last threatening row so far
        per = np.diff(t.update_start)
        start = np.repeat(t.update_start[:-1], per)
        by_row = np.full(m, -1, np.int64)
        by_row[rows[hit]] = asset[hit]
        own = seen >= start  # that row is this target's own
        return np.asarray(np.where(own, by_row[np.maximum(seen, 0)], -1), np.int64)

    def threat_at(self, target: IntArray, t_s: FloatArray) -> IntArray:
        """The defended asset each target threatens as the battle manager judges it at
        ``t_s``, from what it holds then (-1: none).

        A ballistic target keeps the asset of its predicted impact (:attr:`target_threat`).
        A non-ballistic one is judged again from its updates up to ``t_s`` alone, never a
        later one: the asset its ground path threatened at the last update that showed one
        (a cruise missile that passes a first asset and turns toward another threatens the
        other from the turn on; an update whose path threatens none keeps the last asset
        shown, as a track's heading scatters between updates). Without the updates' states
        the judgement of :attr:`target_threat` stands.

        Parameters
        ----------
        target : (n,) int64
            Target indices.
        t_s : (n,) float64, seconds on the scenario clock
            When each is judged.

        Returns
        -------
        (n,) int64
        """
        target = np.asarray(target, np.int64)
        k = self.target_threat[0][target]
        t = self.targets
        if not self.asset_worth.size or not t.update_x_eci.shape[0]:
            return k
        steered = t.regime[target] != Regime.BALLISTIC
        if not steered.any():
            return k
        row = t.update_row(target[steered], np.asarray(t_s, np.float64)[steered])
        k[steered] = self._latest_threat[row]
        return k

    def worth_at(self, target: IntArray, t_s: FloatArray) -> FloatArray:
        """Worth of the defended asset each target threatens when judged at ``t_s``
        (:meth:`threat_at`; 0: none), ``(n,)`` float64."""
        k = self.threat_at(target, t_s)
        if not self.asset_worth.size:
            return np.zeros(k.shape)
        worth = np.where(k >= 0, self.asset_worth[np.maximum(k, 0)], 0.0)
        return np.asarray(np.where(np.isfinite(worth), worth, 0.0), np.float64)

    @property
    def target_engage_from_s(self) -> FloatArray:
        """Earliest time the battle manager may act on each target: its fire control, or
        the later reading of a non-ballistic regime, or the later update that first showed
        such a track threatening an asset (:attr:`target_threat`), ``(n_target,)`` s."""
        return self.target_threat[1]

    @cached_property
    def target_worth(self) -> FloatArray:
        """Worth of the defended asset each target threatens (:attr:`target_threat`; 0:
        none), ``(n_target,)`` float64."""
        k = self.target_threat[0]
        if not self.asset_worth.size:
            return np.zeros(len(self.targets))
        worth = np.where(k >= 0, self.asset_worth[np.maximum(k, 0)], 0.0)
        return np.asarray(np.where(np.isfinite(worth), worth, 0.0), np.float64)

    def interceptor_names(self) -> list[str]:
        """Interceptor types that can fire, in a fixed order (SBIs first)."""
        names = ["sbi"] if self.boost is not None else []
        for b in self.batteries:
            if b.kind.name not in names:
                names.append(b.kind.name)
        return names


def nearest_asset(
    lat_rad: FloatArray,
    lon_rad: FloatArray,
    asset_lat_rad: FloatArray,
    asset_lon_rad: FloatArray,
    radius_m: FloatArray,
    margin_m: FloatArray | float = 0.0,
) -> IntArray:
    """The defended asset whose area holds each point (nearest if several), or -1.

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
    asset_lat_rad, asset_lon_rad, radius_m : (n_asset,) float64
    margin_m : (...) float64 or float, meters
        Added to every radius (an uncertain point counts if it may lie inside).

    Returns
    -------
    (...) int64
    """
    lat, lon = np.asarray(lat_rad, float), np.asarray(lon_rad, float)
    if asset_lat_rad.size == 0:
        return np.full(lat.shape, -1, np.int64)
    d = great_circle_distance_m(lat[..., None], lon[..., None], asset_lat_rad, asset_lon_rad)
    d = np.where(np.isfinite(d), d, np.inf)
    k = np.argmin(d, axis=-1)
    inside = np.take_along_axis(d, k[..., None], -1)[..., 0] <= radius_m[k] + margin_m
    return np.where(inside, k, -1).astype(np.int64)

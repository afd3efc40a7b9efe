"""Surface-launched interceptor types: what ``goldendome/data/interceptors.toml`` says of
each (fly-out, engagement envelope, single-shot kill probability, unit cost).

Fly-out model: the open-literature average-speed model. The booster accelerates uniformly
from rest to its burnout speed ``v`` over its burn time ``t_b`` (acceleration
``a = v / t_b``), then the kill vehicle coasts at ``v`` along a straight line to the
intercept point; gravity, drag, staging coasts and the turn toward the target are ignored.
The distance flown after a time of flight ``t`` is

    s(t) = a t^2 / 2              for 0 <= t <= t_b
    s(t) = v t_b / 2 + v (t - t_b) for t > t_b,

and the time to fly a distance ``d`` is its exact inverse, ``sqrt(2 d / a)`` up to the
burnout distance ``v t_b / 2``, and ``t_b / 2 + d / v`` beyond. It is the two-phase
parametrization the kill vehicle of :mod:`goldendome.interceptors.space_based` uses (the APS
boost-phase study's, Rev. Mod. Phys. 76, S1, 2004), here flown from rest at the launch site.
Ignoring gravity flatters high, long fly-outs (a vertical climb loses about ``g t`` of speed,
0.5 km/s in 50 s), so the reaches are upper bounds; the envelope of each type (intercept
altitudes and ground range, from the data file) limits where the model is used.

An airborne launcher that dashes (``dash_speed_m_s`` and ``dash_range_m``: a fighter on
combat air patrol) first flies from its station straight toward the intercept point at its
dash speed, then fires: its missile reaches ``missile_range_m``, the whole reach is that
plus the dash. The missile being the faster, the dash is flown only for what lies past the
missile's range: a distance ``d`` takes ``T(d)`` up to the missile's range ``R`` and
``(d - R) / v_dash + T(R)`` beyond it (the missile launched after the dash), up to
``R + dash_range_m``.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.loader import load_catalog, parse_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.interceptors.manoeuvre import ManoeuvreRule
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.kinds import ObjectKind

DATA_FILE = "interceptors.toml"
#: Engagement phases an interceptor type may belong to.
PHASES = ("midcourse", "terminal")
# Data file key -> (InterceptorType field, factor to SI).
_KEYS: dict[str, tuple[str, float]] = {
    "burn_time_s": ("burn_time_s", 1.0),
    "burnout_speed_km_s": ("burnout_speed_m_s", 1e3),
    "min_intercept_altitude_km": ("min_intercept_altitude_m", 1e3),
    "max_intercept_altitude_km": ("max_intercept_altitude_m", 1e3),
    "max_range_km": ("max_range_m", 1e3),
    "sspk_rv": ("sspk_rv", 1.0),
    "sspk_decoy": ("sspk_decoy", 1.0),
    "correlation": ("correlation", 1.0),
    "unit_cost_musd": ("unit_cost_usd", 1e6),
    "divert_km": ("divert_m", 1e3),
    "sspk_glide": ("sspk_glide", 1.0),
    "sspk_cruise": ("sspk_cruise", 1.0),
}
#: Optional data file keys -> (InterceptorType field, factor to SI); absent: the field's default.
_OPTIONAL_KEYS: dict[str, tuple[str, float]] = {
    "max_lateral_accel_g": ("max_lateral_accel_g", 1.0),
    "radar_height_m": ("radar_height_m", 1.0),
    "uplink_cutoff_s": ("uplink_cutoff_s", 1.0),
    "dash_speed_m_s": ("dash_speed_m_s", 1.0),
}
#: Target regimes an SSPK is given for, in the order of :attr:`InterceptorType.sspk_by_regime`
#: (the codes of :class:`goldendome.tracking.regime.Regime`: ballistic, glide, air-breathing).
TARGET_REGIMES = ("ballistic", "glide", "air_breathing")
_TEXT_KEYS = ("name", "label", "phase", "source")


@dataclass(frozen=True)
class InterceptorType:
    """A kind of surface-launched interceptor, in SI units.

    Satisfies :class:`goldendome.interceptors.base.FlyOut` with the average-speed model of
    this module's docstring. See ``interceptors.toml`` for each default value's source.

    Attributes
    ----------
    name, label : str
        Short key (``"gbi"``) and human-readable name.
    phase : {"midcourse", "terminal"}
    burn_time_s : float, seconds
        Booster burn time, > 0.
    burnout_speed_m_s : float, m/s
        Speed at burnout, > 0.
    min_intercept_altitude_m, max_intercept_altitude_m : float, meters
        Altitudes (above the ellipsoid) at which the kill vehicle can intercept,
        0 <= min < max.
    max_range_m : float, meters
        Largest ground range from the launch site to the intercept point, > 0 (with a dash,
        the dash's and the missile's together).
    sspk_rv, sspk_decoy : float
        Single-shot kill probability against a reentry vehicle and a decoy, in [0, 1].
    unit_cost_usd : float, US dollars
        Unit procurement cost, >= 0.
    correlation : float
        Correlation of two shots' outcomes of this type in one trial, in [0, 1] (0:
        independent; :mod:`goldendome.engagement.correlated`).
    kill_vehicles : int
        Kill vehicles per interceptor, >= 1.
    divert_m : float, meters
        Divert reach of the kill vehicle: the largest prediction error at the intercept it
        can take out (> 0; inf, the default for types made in code, covers any error).
    sspk_glide, sspk_cruise : float
        Single-shot kill probability against a glide vehicle in its glide and against an
        air-breathing cruise missile, in [0, 1] (default 0: the type does not engage them;
        an intercept of such a target where this is 0 is infeasible).
    max_lateral_accel_g : float, g
        Largest lateral acceleration the interceptor pulls in its endgame, > 0 (inf, the
        default: any target's manoeuvre is out-turned; :mod:`goldendome.engagement.manoeuvre`).
    radar_height_m : float or None, meters
        Height of the battery's own fire-control antenna above its site: an intercept must
        lie above that antenna's radar horizon (4/3 Earth). None (the default): no horizon
        rule (a type cued by remote sensors, or an airborne look-down radar).
    uplink_cutoff_s : float or None, seconds
        In-flight target updates: the interceptor flies on the fire-control track's updates
        until this long before the intercept, when its own seeker takes over, so its aim
        error is the track's at that last update carried over the remaining seconds
        (:meth:`aim_time_s`). None (the default): no in-flight updates, the aim is the
        launch order's.
    dash_speed_m_s : float or None, m/s
        An airborne launcher's dash from its station toward the intercept point before it
        fires (None, the default: fired from the site). Then ``max_range_m`` is the
        missile's range plus ``dash_range_m``.
    dash_range_m : float, meters
        Longest dash, >= 0 (0 without a dash).
    source : str
        The sources of the values.
    """

    name: str
    phase: str
    burn_time_s: float
    burnout_speed_m_s: float
    min_intercept_altitude_m: float
    max_intercept_altitude_m: float
    max_range_m: float
    sspk_rv: float
    sspk_decoy: float
    unit_cost_usd: float = 0.0
    correlation: float = 0.0
    kill_vehicles: int = 1
    divert_m: float = math.inf
    sspk_glide: float = 0.0
    sspk_cruise: float = 0.0
    max_lateral_accel_g: float = math.inf
    radar_height_m: float | None = None
    uplink_cutoff_s: float | None = None
    dash_speed_m_s: float | None = None
    dash_range_m: float = 0.0
    label: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        where = f"interceptor type '{self.name}': "
        if self.phase not in PHASES:
            raise ValueError(
                f"{where}phase = '{self.phase}' is not known; use one of {', '.join(PHASES)}."
            )
        for key, unit in (("burn_time_s", "s"), ("burnout_speed_m_s", "m/s")):
            _require(getattr(self, key) > 0.0, where, key, getattr(self, key), unit, "> 0")
        low, high = self.min_intercept_altitude_m, self.max_intercept_altitude_m
        _require(low >= 0.0, where, "min_intercept_altitude_m", low, "m", ">= 0")
        _require(high > low, where, "max_intercept_altitude_m", high, "m", f"> {low:g} m")
        _require(self.max_range_m > 0.0, where, "max_range_m", self.max_range_m, "m", "> 0")
        for key in ("sspk_rv", "sspk_decoy", "correlation", "sspk_glide", "sspk_cruise"):
            value = getattr(self, key)
            _require(0.0 <= value <= 1.0, where, key, value, "", "in [0, 1]")
        _require(self.unit_cost_usd >= 0.0, where, "unit_cost_usd", self.unit_cost_usd, "", ">= 0")
        count = self.kill_vehicles
        _require(count >= 1, where, "kill_vehicles", count, "", ">= 1")
        _require(self.divert_m > 0.0, where, "divert_m", self.divert_m, "m", "> 0")
        accel = self.max_lateral_accel_g
        _require(accel > 0.0, where, "max_lateral_accel_g", accel, "g", "> 0")
        mast = self.radar_height_m
        if mast is not None:
            _require(mast >= 0.0, where, "radar_height_m", mast, "m", ">= 0")
        cut = self.uplink_cutoff_s
        if cut is not None:
            _require(cut >= 0.0, where, "uplink_cutoff_s", cut, "s", ">= 0")
        dash, far = self.dash_speed_m_s, self.dash_range_m
        _require(far >= 0.0, where, "dash_range_m", far, "m", ">= 0")
        if dash is None:
            _require(far == 0.0, where, "dash_range_m", far, "m", "= 0 without a dash speed")
        else:
            _require(dash > 0.0, where, "dash_speed_m_s", dash, "m/s", "> 0")
            _require(far < self.max_range_m, where, "dash_range_m", far, "m", "< max_range_m")

    def aim_time_s(self, launch_s: ArrayLike, intercept_s: ArrayLike) -> FloatArray:
        """The time of the last track information the interceptor's aim uses: the launch,
        or with in-flight updates ``intercept - uplink_cutoff_s`` if later (seconds, the
        arrays' broadcast shape)."""
        launch = np.asarray(launch_s, np.float64)
        if self.uplink_cutoff_s is None:
            return np.asarray(launch + 0.0 * np.asarray(intercept_s), np.float64)
        late = np.asarray(intercept_s, np.float64) - self.uplink_cutoff_s
        return np.asarray(np.fmax(launch, late), np.float64)

    @property
    def sspk_by_regime(self) -> FloatArray:
        """SSPK against a target in each regime of :data:`TARGET_REGIMES`, ``(3,)`` float64:
        an RV's (ballistic), a glider's, a cruise missile's."""
        return np.array([self.sspk_rv, self.sspk_glide, self.sspk_cruise], np.float64)

    @property
    def acceleration_m_s2(self) -> float:
        """Mean booster acceleration ``burnout_speed / burn_time``, m/s^2."""
        return self.burnout_speed_m_s / self.burn_time_s

    @property
    def burnout_distance_m(self) -> float:
        """Distance flown by burnout, ``v t_b / 2``, meters."""
        return 0.5 * self.burnout_speed_m_s * self.burn_time_s

    @property
    def missile_range_m(self) -> float:
        """The missile's own range: ``max_range_m`` less the dash, meters."""
        return self.max_range_m - self.dash_range_m

    def _missile_reach_m(self, t: FloatArray) -> FloatArray:
        tb, v = self.burn_time_s, self.burnout_speed_m_s
        boosting = 0.5 * self.acceleration_m_s2 * np.minimum(t, tb) ** 2
        return np.asarray(boosting + v * np.maximum(t - tb, 0.0), dtype=np.float64)

    def _missile_time_s(self, d: FloatArray) -> FloatArray:
        during = np.sqrt(2.0 * d / self.acceleration_m_s2)
        after = 0.5 * self.burn_time_s + d / self.burnout_speed_m_s
        return np.asarray(np.where(d <= self.burnout_distance_m, during, after), np.float64)

    def reach_m(self, time_of_flight_s: ArrayLike) -> FloatArray:
        """Distance flown after a time of flight (with a dash: the dash's and the missile's).

        Parameters
        ----------
        time_of_flight_s : (...) float64, seconds
            Time since launch. Times <= 0 give 0 (no flight yet).

        Returns
        -------
        (...) float64, meters
            Same shape; NaN where the time is NaN.
        """
        t = np.maximum(np.asarray(time_of_flight_s, dtype=np.float64), 0.0)
        if self.dash_speed_m_s is None:
            return self._missile_reach_m(t)
        # Past the missile's own time to its range, the dash carries the launch point on.
        r = self.missile_range_m
        t_r = float(self._missile_time_s(np.asarray(r)))
        dashed = r + self.dash_speed_m_s * (t - t_r)
        return np.asarray(np.where(t <= t_r, self._missile_reach_m(t), dashed), np.float64)

    def time_to_reach_s(self, distance_m: ArrayLike) -> FloatArray:
        """Shortest time of flight to a distance (the exact inverse of :meth:`reach_m`).

        Parameters
        ----------
        distance_m : (...) float64, meters
            Straight-line distance from the launch site. Distances <= 0 give 0.

        Returns
        -------
        (...) float64, seconds
            Same shape; NaN where the distance is NaN.
        """
        d = np.maximum(np.asarray(distance_m, dtype=np.float64), 0.0)
        if self.dash_speed_m_s is None:
            return self._missile_time_s(d)
        # The dash to within the missile's range of the point, then the missile.
        r = self.missile_range_m
        beyond = np.maximum(d - r, 0.0)
        missile = self._missile_time_s(np.minimum(d, r))
        return np.asarray(missile + beyond / self.dash_speed_m_s, np.float64)

    def sspk(self, kind_code: ArrayLike) -> FloatArray:
        """Single-shot kill probability by object kind.

        Parameters
        ----------
        kind_code : (...) int
            :class:`~goldendome.physics.kinds.ObjectKind` codes; a booster is scored as an RV.

        Returns
        -------
        (...) float64
            Same shape, in [0, 1].
        """
        codes = np.asarray(kind_code)
        table = np.empty(len(ObjectKind), dtype=np.float64)
        table[ObjectKind.RV] = self.sspk_rv
        table[ObjectKind.DECOY] = self.sspk_decoy
        table[ObjectKind.BOOSTER] = self.sspk_rv
        valid = np.isin(codes, [int(k) for k in ObjectKind])
        if not np.all(valid):
            bad = np.unique(codes[~valid])[:5]
            known = ", ".join(f"{int(k)} ({k.label})" for k in ObjectKind)
            raise ValueError(
                f"kind codes must be one of {known}; got {', '.join(str(b) for b in bad)}."
            )
        return np.asarray(table[codes.astype(np.int64)], dtype=np.float64)


def _require(ok: bool, where: str, key: str, value: float, unit: str, rule: str) -> None:
    if not ok:
        shown = f"{value:g} {unit}".rstrip()
        raise ValueError(f"{where}{key} = {shown} breaks the rule {key} {rule}; fix the value.")


Probability = Annotated[float, Bounded("a probability lies in [0, 1]", ge=0, le=1)]
AltitudeKm = Annotated[
    float, Bounded("an intercept altitude lies above the ground", "km", ge=0, le=10_000)
]


class InterceptorTypeSpec(SpecModel):
    """One ``[[interceptor]]`` entry of ``interceptors.toml``, in the file's units."""

    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    label: str
    phase: Literal["midcourse", "terminal"]
    source: str
    burn_time_s: Annotated[float, Bounded("a booster burns for some time", "s", gt=0, le=3_600)]
    burnout_speed_km_s: Annotated[
        float, Bounded("burnout speed must be positive", "km/s", gt=0, le=20)
    ]
    min_intercept_altitude_km: AltitudeKm
    max_intercept_altitude_km: AltitudeKm
    max_range_km: Annotated[float, Bounded("range must be positive", "km", gt=0, le=20_000)]
    sspk_rv: Probability
    sspk_decoy: Probability
    correlation: Annotated[
        float, Bounded("a correlation of shot outcomes lies in [0, 1]", ge=0, le=1)
    ]
    unit_cost_musd: Annotated[float, Bounded("a cost cannot be negative", "$M", ge=0, le=1e5)]
    kill_vehicles: Annotated[int, Bounded("an interceptor carries a kill vehicle", ge=1, le=100)]
    divert_km: Annotated[
        float, Bounded("a kill vehicle diverts some distance", "km", gt=0, le=1_000)
    ]
    sspk_glide: Probability = 0.0
    sspk_cruise: Probability = 0.0
    max_lateral_accel_g: (
        Annotated[float, Bounded("a lateral acceleration is positive", "g", gt=0, le=1_000)] | None
    ) = None
    radar_height_m: (
        Annotated[float, Bounded("an antenna stands on its site", "m", ge=0, le=1_000)] | None
    ) = None
    uplink_cutoff_s: (
        Annotated[float, Bounded("an uplink stops before the intercept", "s", ge=0, le=600)] | None
    ) = None
    dash_speed_m_s: (
        Annotated[float, Bounded("a dash has a speed", "m/s", gt=0, le=3_000)] | None
    ) = None
    dash_range_km: Annotated[float, Bounded("a dash is not negative", "km", ge=0, le=5_000)] = 0.0

    @model_validator(mode="after")
    def _dash_given_whole(self) -> "InterceptorTypeSpec":
        if (self.dash_speed_m_s is None) != (self.dash_range_km == 0.0):
            raise PydanticCustomError(
                "dash",
                "a dash needs both dash_speed_m_s and dash_range_km (> 0), or neither",
                {},
            )
        return self

    @model_validator(mode="after")
    def _altitudes_in_order(self) -> "InterceptorTypeSpec":
        low, high = self.min_intercept_altitude_km, self.max_intercept_altitude_km
        if not high > low:
            raise PydanticCustomError(
                "altitudes",
                "max_intercept_altitude_km = {high} must exceed min_intercept_altitude_km = {low}",
                {"high": high, "low": low},
            )
        return self

    def build(self) -> InterceptorType:
        """The interceptor type in SI units."""
        values: dict[str, Any] = {key: str(getattr(self, key)) for key in _TEXT_KEYS}
        values |= {
            field: float(getattr(self, key)) * scale for key, (field, scale) in _KEYS.items()
        }
        values["kill_vehicles"] = self.kill_vehicles
        for key, (field, scale) in _OPTIONAL_KEYS.items():
            given = getattr(self, key)
            if given is not None:
                values[field] = float(given) * scale
        # max_range_km is the missile's; the dash adds its own.
        values["dash_range_m"] = self.dash_range_km * 1e3
        values["max_range_m"] += values["dash_range_m"]
        return InterceptorType(**values)


Acceleration = Annotated[float, Bounded("an acceleration is not negative", "g", ge=0, le=1_000)]


class ManoeuvreSpec(SpecModel):
    """The ``[manoeuvre]`` table of ``interceptors.toml`` (:mod:`goldendome.interceptors.
    manoeuvre`); absent, no target manoeuvres."""

    ratio: Annotated[float, Bounded("the acceleration ratio is positive", gt=0, le=100)] = 3.0
    glide_lateral_accel_g: Acceleration = 0.0
    cruise_lateral_accel_g: Acceleration = 0.0
    source: str = ""

    def build(self) -> ManoeuvreRule:
        """The rule in code."""
        return ManoeuvreRule(self.ratio, self.glide_lateral_accel_g, self.cruise_lateral_accel_g)


class InterceptorCatalog(SpecModel):
    """``interceptors.toml``: the surface-launched interceptor types."""

    interceptor: Annotated[list[InterceptorTypeSpec], Field(min_length=1)]
    manoeuvre: ManoeuvreSpec = ManoeuvreSpec()

    @model_validator(mode="after")
    def _names_are_unique(self) -> "InterceptorCatalog":
        names = [i.name for i in self.interceptor]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise PydanticCustomError(
                "unique_names",
                "interceptor names must be unique; given twice: {twice}",
                {"twice": ", ".join(twice)},
            )
        return self

    def build(self) -> dict[str, InterceptorType]:
        """Interceptor types, by name, in file order."""
        return {i.name: i.build() for i in self.interceptor}


def parse_interceptor_types(data: Mapping[str, Any]) -> dict[str, InterceptorType]:
    """Interceptor types, by name, from the parsed contents of an ``interceptors.toml``.

    Raises
    ------
    goldendome.data.errors.CatalogError
        Listing every problem with its key path, value and rule.
    """
    return parse_catalog(data, InterceptorCatalog, DATA_FILE).build()


@cache
def _catalog() -> InterceptorCatalog:
    return load_catalog(DATA_FILE, InterceptorCatalog)


@cache
def interceptor_types() -> dict[str, InterceptorType]:
    """Every interceptor type of the embedded ``interceptors.toml``, by name."""
    return _catalog().build()


def manoeuvre_rule() -> ManoeuvreRule:
    """The manoeuvre rule of the embedded ``interceptors.toml`` (its ``[manoeuvre]`` table)."""
    return _catalog().manoeuvre.build()

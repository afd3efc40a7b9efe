"""The closed-form SBI estimator: count, mass and 20-year cost in microseconds per design.

The back-of-the-envelope chain published calculators use (Garwin; APS 2003; CBO; AEI),
vectorized over any grid of designs (every argument broadcasts):

1. **Fly-out time** ``t = boost_time - detection_delay - decision_delay``.
2. **Reach** of the kill vehicle in that time, with the APS parametrization of
   :class:`goldendome.interceptors.space_based.KillVehicle` (constant acceleration ``a``
   until the booster's ``delta_v`` is spent, then coasting):
   ``s = a t^2 / 2`` for ``t <= t_b = dv / a``, else ``a t_b^2 / 2 + dv (t - t_b)``.
3. **Ground reach** at the intercept altitude: the part of ``s`` left after climbing or
   diving from the orbit to the intercept altitude, ``r = sqrt(s^2 - (h_orbit - h_int)^2)``,
   as an angle ``rho = r / (R_E + h_int)``.
4. **Absentee ratio**: satellites spread evenly over the latitude band ``+-lambda`` (a
   constellation inclined to cover it); the share within reach of a launch point is the
   cap's share of the band, ``f = (1 - cos rho) / (2 sin lambda)``, and ``A = 1 / f``. With
   ``lambda = 90 deg`` this is Garwin's uniform shell (data in tests/validation).
5. **Count** ``N = ceil(A x salvo x shots_per_missile)`` (NaN, with its cost, when the
   kill vehicle cannot even reach the intercept altitude in time).
6. **Mass** from the rocket equation for a one-stage booster with inert fraction ``e``
   (inert / loaded mass) carrying the kill vehicle: mass ratio ``R = exp(dv / (Isp g0))``,
   ``m_booster = m_kv (R (1 - e) / (1 - e R) - 1)``, plus the kill vehicle and the carrier
   bus. ``e R >= 1`` is infeasible: NaN mass and cost (failure is data).
7. **Cost** over ``years``: ``ceil(years / life)`` generations of ``N`` SBIs, each bought at
   ``unit_cost`` and launched at ``launch_usd_per_kg x mass``, plus O&S per SBI-year.

:func:`estimate` returns every intermediate, so a user sees which step moves the answer;
the physics-based ``goldendome size`` answer is the one to set beside it.
"""

import functools
from dataclasses import dataclass

import numpy as np

from goldendome.data.loader import load_catalog
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import G0_M_S2, R_EARTH_MEAN_M

QUICK_FILE = "cost_quick_estimator.toml"


class QuickDefaults(SpecModel):
    """``[defaults]`` of ``cost_quick_estimator.toml`` (file units)."""

    delta_v_km_s: float
    acceleration_g: float
    boost_time_s: float
    detection_delay_s: float
    decision_delay_s: float
    orbit_altitude_km: float
    intercept_altitude_km: float
    latitude_band_deg: float
    salvo: int
    shots_per_missile: float
    kill_vehicle_mass_kg: float
    specific_impulse_s: float
    inert_fraction: float
    bus_mass_kg: float
    unit_cost_musd: float
    launch_usd_per_kg: float
    service_life_years: float
    o_and_s_musd_per_unit_year: float
    years: int


class QuickCatalog(SpecModel):
    """``cost_quick_estimator.toml``."""

    defaults: QuickDefaults
    sources: dict[str, str]


@functools.cache
def quick_defaults() -> dict[str, float]:
    """The estimator's default arguments in SI units and dollars (keyword -> value)."""
    d = load_catalog(QUICK_FILE, QuickCatalog).defaults
    return {
        "delta_v_m_s": d.delta_v_km_s * 1e3,
        "acceleration_m_s2": d.acceleration_g * G0_M_S2,
        "boost_time_s": d.boost_time_s,
        "delay_s": d.detection_delay_s + d.decision_delay_s,
        "orbit_altitude_m": d.orbit_altitude_km * 1e3,
        "intercept_altitude_m": d.intercept_altitude_km * 1e3,
        "latitude_band_rad": float(np.radians(d.latitude_band_deg)),
        "salvo": float(d.salvo),
        "shots_per_missile": d.shots_per_missile,
        "kill_vehicle_mass_kg": d.kill_vehicle_mass_kg,
        "specific_impulse_s": d.specific_impulse_s,
        "inert_fraction": d.inert_fraction,
        "bus_mass_kg": d.bus_mass_kg,
        "unit_cost_usd": d.unit_cost_musd * 1e6,
        "launch_usd_per_kg": d.launch_usd_per_kg,
        "service_life_years": d.service_life_years,
        "o_and_s_usd_per_unit_year": d.o_and_s_musd_per_unit_year * 1e6,
        "years": float(d.years),
    }


@dataclass(frozen=True)
class QuickEstimate:
    """Every step of the closed-form chain, one value per design.

    Every field has the broadcast shape of the inputs, ``(...)`` float64.

    Attributes
    ----------
    fly_out_s : seconds available to the kill vehicle
    reach_m : meters flown in that time
    ground_reach_m : meters of horizontal reach at the intercept altitude
    fraction_in_reach : share of the constellation within reach of a launch point
    absentee_ratio : satellites per satellite in reach
    sbi_count : SBIs needed (whole; NaN where the kill vehicle cannot reach the intercept
        altitude in the time available)
    sbi_mass_kg : kilograms per SBI on orbit (NaN when the rocket equation has no solution)
    procurement_usd, launch_usd, o_and_s_usd : dollars over the horizon
    total_usd : dollars over the horizon
    """

    fly_out_s: FloatArray
    reach_m: FloatArray
    ground_reach_m: FloatArray
    fraction_in_reach: FloatArray
    absentee_ratio: FloatArray
    sbi_count: FloatArray
    sbi_mass_kg: FloatArray
    procurement_usd: FloatArray
    launch_usd: FloatArray
    o_and_s_usd: FloatArray
    total_usd: FloatArray


def kill_vehicle_reach_m(
    time_s: ArrayLike, delta_v_m_s: ArrayLike, acceleration_m_s2: ArrayLike
) -> FloatArray:
    """Farthest displacement after ``time_s`` (the KillVehicle formula, broadcast).

    Parameters
    ----------
    time_s, delta_v_m_s, acceleration_m_s2 : (...) float64, s, m/s, m/s^2

    Returns
    -------
    (...) float64, meters (0 for t <= 0)
    """
    t = np.maximum(np.asarray(time_s, np.float64), 0.0)
    dv = np.asarray(delta_v_m_s, np.float64)
    a = np.asarray(acceleration_m_s2, np.float64)
    tb = dv / a
    return np.asarray(0.5 * a * np.minimum(t, tb) ** 2 + dv * np.maximum(t - tb, 0.0), np.float64)


def absentee_ratio(
    ground_reach_m: ArrayLike, latitude_band_rad: ArrayLike, radius_m: ArrayLike = R_EARTH_MEAN_M
) -> tuple[FloatArray, FloatArray]:
    """Share of a constellation within reach, and its inverse, the absentee ratio.

    Satellites spread evenly over the band of latitudes ``+-latitude_band_rad``; the share
    within ground distance ``r`` of a point is the spherical cap's area over the band's,
    ``(1 - cos(r / R)) / (2 sin(band))`` (at most 1).

    Parameters
    ----------
    ground_reach_m : (...) float64, meters of ground distance
    latitude_band_rad : (...) float64, radians (pi / 2: a uniform shell)
    radius_m : (...) float64, meters
        Radius of the sphere the reach is measured on.

    Returns
    -------
    fraction_in_reach, absentee_ratio : (...) float64 (inf where nothing is in reach)
    """
    rho = np.minimum(np.asarray(ground_reach_m, np.float64) / np.asarray(radius_m), np.pi)
    band = np.sin(np.asarray(latitude_band_rad, np.float64))
    frac = np.minimum((1.0 - np.cos(rho)) / (2.0 * band), 1.0)
    with np.errstate(divide="ignore"):
        ratio = np.where(frac > 0, 1.0 / np.where(frac > 0, frac, 1.0), np.inf)
    return np.asarray(frac, np.float64), np.asarray(ratio, np.float64)


def booster_mass_kg(
    payload_kg: ArrayLike,
    delta_v_m_s: ArrayLike,
    specific_impulse_s: ArrayLike,
    inert_fraction: ArrayLike,
) -> FloatArray:
    """Loaded mass of a one-stage booster giving ``delta_v`` to ``payload_kg`` (rocket equation).

    Parameters
    ----------
    payload_kg, delta_v_m_s, specific_impulse_s, inert_fraction : (...) float64
        Payload (kg), velocity change (m/s), specific impulse (s), inert / loaded mass.

    Returns
    -------
    (...) float64, kilograms, propellant and structure (NaN where no mass can do it)
    """
    ratio = np.exp(np.asarray(delta_v_m_s, np.float64) / (np.asarray(specific_impulse_s) * G0_M_S2))
    e = np.asarray(inert_fraction, np.float64)
    denom = 1.0 - e * ratio
    with np.errstate(divide="ignore", invalid="ignore"):
        gross = np.asarray(payload_kg, np.float64) * ratio * (1.0 - e) / denom
    return np.asarray(np.where(denom > 0, gross - np.asarray(payload_kg), np.nan), np.float64)


def estimate(**overrides: ArrayLike) -> QuickEstimate:
    """Run the closed-form chain; any default (see :func:`quick_defaults`) may be an array.

    Keyword arguments (all broadcast): ``delta_v_m_s``, ``acceleration_m_s2``,
    ``boost_time_s``, ``delay_s`` (detection plus decision), ``orbit_altitude_m``,
    ``intercept_altitude_m``, ``latitude_band_rad``, ``salvo``, ``shots_per_missile``,
    ``kill_vehicle_mass_kg``, ``specific_impulse_s``, ``inert_fraction``, ``bus_mass_kg``,
    ``unit_cost_usd``, ``launch_usd_per_kg``, ``service_life_years``,
    ``o_and_s_usd_per_unit_year``, ``years``.

    Returns
    -------
    QuickEstimate
    """
    defaults = quick_defaults()
    unknown = sorted(set(overrides) - set(defaults))
    if unknown:
        raise TypeError(
            f"unknown estimator input(s): {', '.join(unknown)}; known: {', '.join(defaults)}"
        )
    v = {k: np.asarray(overrides.get(k, d), np.float64) for k, d in defaults.items()}
    fly = v["boost_time_s"] - v["delay_s"]
    reach = kill_vehicle_reach_m(fly, v["delta_v_m_s"], v["acceleration_m_s2"])
    climb = v["orbit_altitude_m"] - v["intercept_altitude_m"]
    ground = np.sqrt(np.maximum(reach**2 - climb**2, 0.0))
    frac, absentee = absentee_ratio(
        ground, v["latitude_band_rad"], R_EARTH_MEAN_M + v["intercept_altitude_m"]
    )
    count = np.where(
        frac > 0, np.ceil(absentee * v["salvo"] * v["shots_per_missile"] - 1e-9), np.nan
    )
    kv = v["kill_vehicle_mass_kg"]
    mass = kv + booster_mass_kg(kv, v["delta_v_m_s"], v["specific_impulse_s"], v["inert_fraction"])
    mass = mass + v["bus_mass_kg"]
    generations = np.ceil(v["years"] / v["service_life_years"] - 1e-9)
    bought = count * generations
    procurement = bought * v["unit_cost_usd"]
    launch = bought * mass * v["launch_usd_per_kg"]
    ops = count * v["o_and_s_usd_per_unit_year"] * v["years"]
    parts = np.broadcast_arrays(
        fly,
        reach,
        ground,
        frac,
        absentee,
        count,
        mass,
        procurement,
        launch,
        ops,
        procurement + launch + ops,
    )  # every field of the one shape of the design grid
    return QuickEstimate(*(np.array(part, dtype=np.float64) for part in parts))

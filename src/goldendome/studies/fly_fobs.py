"""One fractional orbit flown for ``goldendome fly``: a class that can fly one (its ``fobs_``
keys, ``data/threat_classes.toml``) aimed at a target boosts into its low orbit, flies part of
a revolution and brakes onto the target from the south or the north
(:func:`goldendome.threats.fobs.fly_fobs`, as in a raid with ``shape = "fobs"``)."""

import math
from typing import Any, Literal

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.scenario.catalog import BallisticClassSpec, PlaceSpec
from goldendome.studies.flight_store import TRAJECTORY_STEP_S, TrajectoryFn, every_step
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import IMPACT
from goldendome.threats.fobs import FOBS_MISS_LIMIT_M, fly_fobs

Approach = Literal["south", "north"]
#: Longest fractional-orbit flight sampled, seconds: launch, ascent and up to one and a half
#: revolutions of a 150 km orbit (about 88 min each), enough for any target and either way
#: round (goldendome choice).
FOBS_FLIGHT_LIMIT_S = 3.0 * 3600.0


def _northward_m_s(x_eci: np.ndarray) -> float:
    """The northward component of one state's velocity, m/s (Earth rotation adds none)."""
    r, v = x_eci[:3], x_eci[3:]
    z = np.array([0.0, 0.0, 1.0])
    north = z - np.dot(z, r) / np.dot(r, r) * r
    return float(np.dot(v, north / np.linalg.norm(north)))


def fly_fractional_orbit(
    spec: BallisticClassSpec,
    area: PlaceSpec,
    lat_t_rad: float,
    lon_t_rad: float,
    target_range_km: float,
    approach: Approach,
    theta0_rad: float,
) -> tuple[dict[str, Any], TrajectoryFn]:
    """Aim and fly one fractional orbit of ``spec`` from ``area`` at a point.

    Parameters
    ----------
    spec : BallisticClassSpec
        A class that can fly a fractional orbit (``spec.orbits``).
    area : PlaceSpec
        Launch area.
    lat_t_rad, lon_t_rad : float, radians
        Aim point.
    target_range_km : float
        Great-circle ground distance from the launch area to the aim point, km.
    approach : {"south", "north"}
        Come at the target from the south (heading north) or from the north.
    theta0_rad : float
        Earth rotation angle at launch.

    Returns
    -------
    figures : dict
        JSON-ready: ``shape`` "fobs", ``approach``, reach (``reachable``, ``miss_m``,
        ``miss_tolerance_m``), the orbit (``orbit_altitude_km``, ``orbit_period_min``,
        ``insertion_delta_v_m_s``, ``deorbit_time_s``, ``deorbit_delta_v_m_s``,
        ``revolution_fraction``), the highest point (``apogee_km``, ``apogee_time_s``), the
        burnout, the flight time, the impact point and speed and ``arrival_heading``
        ("northbound" or "southbound").
    trajectory : callable
        The flight sampled every :data:`TRAJECTORY_STEP_S`, its impact state last.
    """
    assert spec.orbits  # the caller flies only classes with both fobs_ keys
    launches = Launches.of([spec.build_rocket()], [area.latitude_rad], area.longitude_rad, 0.0, 0.0)
    t_s = np.arange(0.0, FOBS_FLIGHT_LIMIT_S + TRAJECTORY_STEP_S, TRAJECTORY_STEP_S)
    f = fly_fobs(
        launches,
        np.array([lat_t_rad]),
        np.array([lon_t_rad]),
        np.array([approach == "south"]),
        np.array([float(spec.fobs_orbit_altitude_km or 0.0) * 1e3]),
        np.array([float(spec.fobs_deorbit_delta_v_m_s or 0.0)]),
        t_s,
        theta0_rad=theta0_rad,
    )
    t_impact = float(f.descent.event_t_s[0, IMPACT])
    x_impact = f.descent.event_x_eci[0, IMPACT]
    y = f.y_eci[0]
    flying = np.all(np.isfinite(y), axis=-1)
    height_m = np.full(t_s.shape, -np.inf)
    height_m[flying] = ecef_to_geodetic(y[flying, :3])[2]  # ECI and ECEF share the height
    top = int(np.argmax(height_m))
    lat_i, lon_i = (float(a[0]) for a in f.descent.impact_lat_lon_rad())
    v_relative = x_impact[3:] - np.cross([0.0, 0.0, OMEGA_EARTH_RAD_S], x_impact[:3])
    burnout_t = float(f.burnout_t_s[0])
    r_b = f.orbit_x_eci[0]
    miss_m = float(f.miss_m[0])
    figures: dict[str, Any] = {
        "shape": "fobs",
        "approach": approach,
        "target_range_km": target_range_km,
        "reachable": bool(f.reached[0]) and math.isfinite(t_impact),
        "miss_m": miss_m,
        "miss_tolerance_m": FOBS_MISS_LIMIT_M,
        "azimuth_deg": math.degrees(float(f.launches.azimuth_rad[0])),
        "burnout_time_s": burnout_t,
        "burnout_altitude_km": float(ecef_to_geodetic(r_b[:3])[2]) / 1e3,
        "orbit_altitude_km": float(f.orbit_altitude_m[0]) / 1e3,
        "orbit_period_min": float(f.orbit_period_s[0]) / 60.0,
        "insertion_delta_v_m_s": float(f.insertion_delta_v_m_s[0]),
        "deorbit_time_s": float(f.deorbit_t_s[0]),
        "deorbit_delta_v_m_s": float(spec.fobs_deorbit_delta_v_m_s or 0.0),
        "revolution_fraction": float(f.transfer_angle_rad()[0]) / (2.0 * math.pi),
        "apogee_km": float(height_m[top]) / 1e3,
        "apogee_time_s": float(t_s[top]),
        "flight_time_s": t_impact,
        "flight_time_min": t_impact / 60.0,
        "impact_latitude_deg": math.degrees(lat_i),
        "impact_longitude_deg": math.degrees(lon_i),
        "impact_speed_km_s": float(np.linalg.norm(v_relative)) / 1e3,
        "arrival_heading": "northbound" if _northward_m_s(x_impact) > 0.0 else "southbound",
    }
    figures["verdict"] = (
        None
        if figures["reachable"]
        else f"NOT AIMED: the fractional orbit lands {miss_m / 1e3:,.1f} km from the aim point, "
        f"beyond the {FOBS_MISS_LIMIT_M / 1e3:g} km miss tolerance"
    )

    def trajectory() -> tuple[np.ndarray, np.ndarray]:
        t_k, y_k = every_step(t_s, y)
        if not math.isfinite(t_impact) or t_impact <= t_k[-1]:
            return t_k, y_k
        return np.append(t_k, t_impact), np.vstack([y_k, x_impact])

    return figures, trajectory


__all__ = ["FOBS_FLIGHT_LIMIT_S", "Approach", "fly_fractional_orbit"]

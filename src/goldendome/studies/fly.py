"""Fly one catalog threat: what ``goldendome fly`` does (a reported test is reconstructed by
:mod:`goldendome.studies.reconstruction`)."""

import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.geodesy import geodesic_direct, geodesic_inverse
from goldendome.scenario.catalog import (
    BallisticClassSpec,
    CruiseClassSpec,
    HgvClassSpec,
    PlaceSpec,
    launch_areas,
    lookup,
    targets,
    threat_classes,
)
from goldendome.scenario.errors import ScenarioError
from goldendome.studies.flight_store import (
    TRAJECTORY_STEP_S,
    Trajectory,
    TrajectoryFn,
    every_step,
    store_flight,
)
from goldendome.studies.fly_fobs import Approach, fly_fractional_orbit
from goldendome.studies.fly_requests import (
    HALF_CIRCUMFERENCE_KM,
    bad_request,
    request_problems,
)
from goldendome.threats.ballistic import Launches, StepSizes
from goldendome.threats.boost_glide import fly_hgv
from goldendome.threats.classes import BallisticClass
from goldendome.threats.cruise import fly_cruise
from goldendome.threats.flight import APOGEE, BURNOUT, IMPACT, Flight, fly
from goldendome.threats.shaping import (
    depressed_kick,
    lofted_kick,
    minimum_energy_kick,
    with_values,
)
from goldendome.threats.targeting import aim

#: Epoch used for single flights (the Earth's orientation only shifts longitudes in ECI).
FLIGHT_EPOCH = datetime(2029, 6, 1, tzinfo=UTC)
#: An aimed shot landing farther than this from its aim point is out of reach as asked:
#: ``reachable`` false, a verdict, exit code 2 (goldendome choice: ten times the targeting's
#: 100 m convergence, far below any footprint that matters to a defense).
AIM_MISS_LIMIT_M = 1_000.0


def _aim_verdict(out: dict[str, Any], fpa_deg: float | None, flown_km: float) -> str | None:
    """What an aimed shot that missed says (None when it landed on its aim point)."""
    target_km, miss_km = out["target_range_km"], out["miss_m"] / 1e3
    if not out["within_max_range"]:
        return (
            f"OUT OF REACH: {target_km:,.0f} km is beyond the maximum range of "
            f"{out['max_range_km']:,.0f} km on this bearing; flown on the maximum-range arc "
            "toward it"
        )
    if out["miss_m"] <= AIM_MISS_LIMIT_M:
        return None
    closest = (
        f"the closest flight found lands {miss_km:,.0f} km from the aim point, beyond the "
        f"{AIM_MISS_LIMIT_M / 1e3:g} km miss tolerance"
    )
    if fpa_deg is not None:
        return (
            f"CANNOT BE AIMED at a {fpa_deg:g} deg burnout flight-path angle: the target is out "
            f"of reach at this angle; {closest}"
        )
    if flown_km > target_km:
        return (
            f"TOO CLOSE: {out['class']} cannot be aimed as short as {target_km:,.0f} km; {closest}"
        )
    return f"NOT AIMED: {closest}"


def _route_verdict(flown: dict[str, Any], area: PlaceSpec) -> str | None:
    """What a glider or cruise missile that did not arrive says (None when it did)."""
    if flown["reachable"]:
        return None
    target_km = flown["target_range_km"]
    if flown["type"] == "cruise":
        return f"OUT OF REACH: the {target_km:,.0f} km route is longer than the class's range"
    lat, lon = (math.radians(flown[f"impact_{k}_deg"]) for k in ("latitude", "longitude"))
    flown_km = float(geodesic_inverse(area.latitude_rad, area.longitude_rad, lat, lon)[0]) / 1e3
    miss_km = flown["miss_m"] / 1e3
    if flown_km > target_km:
        return (
            f"TOO CLOSE: the glide cannot dive onto a target {target_km:,.0f} km away; it "
            f"lands {miss_km:,.0f} km beyond"
        )
    return f"FALLS SHORT: the glide runs out of speed {miss_km:,.0f} km short of the target"


def ballistic_class(name: str) -> BallisticClass:
    """The catalog's ballistic class ``name`` (ScenarioError if unknown or not ballistic)."""
    spec = lookup("threat class", name, threat_classes())
    if not isinstance(spec, BallisticClassSpec):
        raise bad_request(
            f"threat class '{name}'",
            f"is a {spec.type} class; apogee shaping and reconstruction apply to ballistic "
            "classes; fly it with --to TARGET or --range-km",
        )
    return spec.build_rocket()


def _fly_glide_or_cruise(
    spec: HgvClassSpec | CruiseClassSpec,
    area: PlaceSpec,
    lat_t: float,
    lon_t: float,
    theta0: float,
    cross_range_deg: float,
) -> tuple[dict[str, Any], TrajectoryFn]:
    t = np.arange(0.0, 6 * 3600.0, 1.0)
    if isinstance(spec, HgvClassSpec):
        f = fly_hgv(
            spec.build_glide(),
            [area.latitude_rad],
            area.longitude_rad,
            [lat_t],
            [lon_t],
            [0.0],
            t,
            theta0_rad=theta0,
            cross_range_deg=cross_range_deg,
        )
        g = f.glide
        y_hgv = f.y_eci[0]
        return {
            "type": "hgv",
            "target_range_km": float(f.target_range_m[0]) / 1e3,
            "reachable": bool(f.reached[0]),
            "miss_m": float(f.miss_m[0]),
            "burnout_time_s": float(f.burnout_t_s[0]),
            "pullup_time_s": float(f.pullup_t_s[0]),
            "dive_time_s": float(f.dive_t_s[0]),
            "flight_time_s": float(f.impact_t_s[0]),
            "flight_time_min": float(f.impact_t_s[0]) / 60.0,
            "glide_altitude_km": [
                float(np.nanmin(g.altitude_m)) / 1e3,
                float(np.nanmax(g.altitude_m)) / 1e3,
            ],
            "glide_speed_km_s": [
                float(np.nanmax(g.speed_m_s)) / 1e3,
                float(np.nanmin(g.speed_m_s)) / 1e3,
            ],
            "max_bank_deg": math.degrees(float(np.nanmax(np.abs(g.bank_rad)))),
            "impact_latitude_deg": math.degrees(float(f.impact_lat_rad[0])),
            "impact_longitude_deg": math.degrees(float(f.impact_lon_rad[0])),
            "cross_range_deg": cross_range_deg,
        }, lambda: every_step(t, y_hgv)
    c = fly_cruise(
        spec.build_cruise(),
        [[area.latitude_rad, lat_t]],
        [[area.longitude_rad, lon_t]],
        [0.0],
        t,
        theta0_rad=theta0,
    )
    return {
        "type": "cruise",
        "target_range_km": float(c.route_length_m[0]) / 1e3,
        "reachable": bool(c.reachable[0]),
        "max_range_km": spec.max_range_km,
        "flight_time_s": float(c.arrival_t_s[0]),
        "flight_time_min": float(c.arrival_t_s[0]) / 60,
        "speed_m_s": spec.speed_m_s,
        "cruise_altitude_m": spec.cruise_altitude_m,
        "end_latitude_deg": math.degrees(float(c.end_lat_rad[0])),
        "end_longitude_deg": math.degrees(float(c.end_lon_rad[0])),
    }, lambda: every_step(t, c.y_eci[0])


def ballistic_trajectory(launches: Launches, theta0: float) -> Trajectory:
    """One launch flown again with its states stored every :data:`TRAJECTORY_STEP_S`, and
    its impact state last."""
    events = fly(launches, theta0_rad=theta0)
    t_impact = float(events.event_t_s[0, IMPACT])
    t_end = t_impact if np.isfinite(t_impact) else StepSizes().max_flight_s
    flight = fly(launches, np.arange(0.0, t_end, TRAJECTORY_STEP_S), theta0_rad=theta0)
    t_s, y_eci = every_step(flight.t_s, flight.y_eci[0])
    if np.isfinite(t_impact):
        t_s = np.append(t_s, t_impact)
        y_eci = np.vstack([y_eci, events.event_x_eci[0, IMPACT]])
    return t_s, y_eci


def catalog_listing() -> dict[str, list[dict[str, Any]]]:
    """The classes, launch areas and targets of the catalog, for ``fly --list``."""
    classes = [
        {"name": c.name, "type": c.type, "label": c.label} for c in threat_classes().values()
    ]
    areas = [{"name": a.name, "kind": a.kind, "label": a.label} for a in launch_areas().values()]
    goals = [
        {"name": t.name, "kind": t.kind, "label": t.label, "population": t.population}
        for t in targets().values()
    ]
    return {"classes": classes, "launch_areas": areas, "targets": goals}


def summarize_flight(flight: Flight, index: int = 0) -> dict[str, Any]:
    """The figures of one flight as a JSON-ready dict (SI converted to km, km/s, min)."""
    lat, lon = flight.impact_lat_lon_rad()
    i = index
    return {
        "status": ["impact", "still flying", "no lift-off"][int(flight.status[i])],
        "burnout_time_s": float(flight.event_t_s[i, BURNOUT] - flight.t_start_s[i]),
        "burnout_speed_km_s": float(flight.speed_at_m_s(BURNOUT)[i]) / 1e3,
        "burnout_speed_relative_km_s": float(flight.speed_at_m_s(BURNOUT, relative=True)[i]) / 1e3,
        "burnout_altitude_km": float(flight.altitude_at_m(BURNOUT)[i]) / 1e3,
        "burnout_flight_path_angle_deg": math.degrees(
            float(flight.flight_path_angle_rad(BURNOUT)[i])
        ),
        "apogee_km": float(flight.altitude_at_m(APOGEE)[i]) / 1e3,
        "apogee_time_s": float(flight.event_t_s[i, APOGEE] - flight.t_start_s[i]),
        "range_km": float(flight.ground_range_m()[i]) / 1e3,
        "flight_time_s": float(flight.flight_time_s()[i]),
        "flight_time_min": float(flight.flight_time_s()[i]) / 60.0,
        "impact_latitude_deg": math.degrees(float(lat[i])),
        "impact_longitude_deg": math.degrees(float(lon[i])),
        "impact_speed_km_s": float(flight.speed_at_m_s(IMPACT, relative=True)[i]) / 1e3,
    }


def fly_threat(
    class_name: str,
    *,
    launch_area: str,
    target: str | None = None,
    range_km: float | None = None,
    apogee_km: float | None = None,
    burnout_fpa_deg: float | None = None,
    azimuth_deg: float = 90.0,
    lofted: bool = False,
    cross_range_deg: float = 0.0,
    approach: Approach | None = None,
    runs_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Fly one missile of a catalog class from a launch area, shaped or aimed as asked.

    Exactly one of ``target`` (aim at a catalog target), ``range_km`` (aim along
    ``azimuth_deg`` to that ground range), ``apogee_km`` (loft to that apogee along
    ``azimuth_deg``), or none (a minimum-energy shot along ``azimuth_deg``) is used.
    ``burnout_fpa_deg`` depresses or lofts an aimed shot; ``lofted`` aims with a full burn.
    Hypersonic-glide and cruise classes need a target or a range; ``cross_range_deg`` boosts a
    glider off the target bearing so that its glide turns back. A class that can fly a
    fractional orbit (``fobs_`` keys: ``fobs-class``) aimed at a target or range with no
    shaping flies one (:mod:`goldendome.studies.fly_fobs`), coming at the target from the
    ``approach`` side (``"south"``, the default, or ``"north"``), as in a raid with ``shape =
    "fobs"``; ``--apogee-km``, ``--fpa-deg`` or ``--lofted`` fly it as a plain ballistic
    missile. With ``runs_dir`` the
    flight is also written to a new run folder there (:mod:`goldendome.studies.flight_store`:
    its figures, and its trajectory sampled every 10 s).

    Returns
    -------
    dict
        Inputs, flight figures, and for aimed shots the reach: ``reachable`` (within the
        maximum range and landing within ``miss_tolerance_m``, :data:`AIM_MISS_LIMIT_M`, of
        the aim point), ``within_max_range``, ``max_range_km`` (``global_reach`` when the class
        can fly more than half-way round the Earth), ``miss_m``, and a ``verdict`` when not
        reachable; ``run_folder`` when one was written.
    """
    inputs = {
        "class": class_name,
        "from": launch_area,
        "to": target,
        "range_km": range_km,
        "apogee_km": apogee_km,
        "fpa_deg": burnout_fpa_deg,
        "azimuth_deg": azimuth_deg,
        "lofted": lofted,
        "cross_range_deg": cross_range_deg,
        "approach": approach,
    }
    result, trajectory = _fly_threat(
        class_name,
        launch_area=launch_area,
        target=target,
        range_km=range_km,
        apogee_km=apogee_km,
        burnout_fpa_deg=burnout_fpa_deg,
        azimuth_deg=azimuth_deg,
        lofted=lofted,
        cross_range_deg=cross_range_deg,
        approach=approach,
    )
    if runs_dir is None:
        return result
    theta0 = float(earth_rotation_angle_rad(0.0, FLIGHT_EPOCH))
    return store_flight(
        result, inputs, trajectory, runs_dir=runs_dir, epoch=FLIGHT_EPOCH, theta0_rad=theta0
    )


def _fly_threat(
    class_name: str,
    *,
    launch_area: str,
    target: str | None,
    range_km: float | None,
    apogee_km: float | None,
    burnout_fpa_deg: float | None,
    azimuth_deg: float,
    lofted: bool,
    cross_range_deg: float,
    approach: Approach | None = None,
) -> tuple[dict[str, Any], TrajectoryFn]:
    """:func:`fly_threat`'s figures, and how to sample its trajectory."""
    spec = lookup("threat class", class_name, threat_classes())
    area = lookup("launch area", launch_area, launch_areas())
    numbers = {
        "--range-km": range_km,
        "--apogee-km": apogee_km,
        "--fpa-deg": burnout_fpa_deg,
        "--azimuth-deg": azimuth_deg,
        "--cross-range-deg": cross_range_deg,
    }
    problems = request_problems(spec.type, target, numbers, lofted)
    if problems:
        raise ScenarioError(f"fly {spec.name}", problems)
    theta0 = float(earth_rotation_angle_rad(0.0, FLIGHT_EPOCH))
    if not isinstance(spec, BallisticClassSpec):
        lat_t, lon_t = _aim_point(area, target, range_km, azimuth_deg)
        head = {"class": spec.name, "launch_area": area.name, "target": target or "range"}
        flown, trajectory = _fly_glide_or_cruise(spec, area, lat_t, lon_t, theta0, cross_range_deg)
        return head | flown | {"verdict": _route_verdict(flown, area)}, trajectory
    shaping = apogee_km is not None or burnout_fpa_deg is not None or lofted
    if approach is not None and (not spec.orbits or shaping):
        raise bad_request(
            "--approach",
            f"picks the side a fractional orbit comes from; {spec.name} "
            + ("is flown ballistic when shaped" if spec.orbits else "cannot fly one"),
        )
    if spec.orbits and not shaping:
        if target is None and range_km is None:
            raise bad_request(
                f"threat class '{spec.name}'",
                "flies a fractional orbit onto a target: give --to TARGET or --range-km (and "
                "--approach south or north), or shape a ballistic flight with --apogee-km",
            )
        lat_t, lon_t = _aim_point(area, target, range_km, azimuth_deg)
        goal_km = float(geodesic_inverse(area.latitude_rad, area.longitude_rad, lat_t, lon_t)[0])
        head = {"class": spec.name, "launch_area": area.name, "type": "ballistic"}
        if target is not None:
            head["target"] = lookup("target", target, targets()).name
        figures, trajectory = fly_fractional_orbit(
            spec, area, lat_t, lon_t, goal_km / 1e3, approach or "south", theta0
        )
        return head | figures, trajectory
    missile = spec.build_rocket()
    az = math.radians(azimuth_deg)
    base = Launches.of([missile], [area.latitude_rad], area.longitude_rad, az, 0.0)
    out: dict[str, Any] = {"class": missile.name, "launch_area": area.name}
    if target is not None or range_km is not None:
        lat_t, lon_t = _aim_point(area, target, range_km, azimuth_deg)
        if target is not None:
            out["target"] = lookup("target", target, targets()).name
        fpa = None if burnout_fpa_deg is None else math.radians(burnout_fpa_deg)
        result = aim(
            base,
            [lat_t],
            [lon_t],
            shape="lofted" if lofted else "minimum_energy",
            burnout_fpa_rad=fpa,
            theta0_rad=theta0,
        )
        max_km = float(result.max_range_m[0]) / 1e3
        miss_m = float(result.miss_m[0])
        within = bool(result.reachable[0])
        out |= {
            "shape": "lofted" if lofted else ("fpa" if fpa is not None else "minimum_energy"),
            "target_range_km": float(result.target_range_m[0]) / 1e3,
            # In reach as asked: within the maximum range, and landing within the tolerance.
            "reachable": within and miss_m <= AIM_MISS_LIMIT_M,
            "within_max_range": within,
            "max_range_km": max_km,
            "global_reach": max_km > HALF_CIRCUMFERENCE_KM,
            "miss_m": miss_m,
            "miss_tolerance_m": AIM_MISS_LIMIT_M,
        }
        figures = summarize_flight(result.flight)
        verdict = _aim_verdict(out, burnout_fpa_deg, figures["range_km"])
        out |= {"aimed": verdict is None, "verdict": verdict}
        aimed = result.launches
        return out | figures, lambda: ballistic_trajectory(aimed, theta0)
    if apogee_km is not None:
        kick = lofted_kick(base, apogee_km * 1e3, theta0_rad=theta0)
        if not np.isfinite(kick[0]):
            raise bad_request(
                "--apogee-km", f"{apogee_km:g}: {missile.name} cannot reach this apogee"
            )
        out["shape"] = "lofted"
    elif burnout_fpa_deg is not None:
        kick = depressed_kick(base, math.radians(burnout_fpa_deg), theta0_rad=theta0)
        if not np.isfinite(kick[0]):
            raise bad_request(
                "--fpa-deg",
                f"{burnout_fpa_deg:g}: {missile.name} cannot burn out at this flight-path angle",
            )
        out["shape"] = "fpa"
    else:
        kick = minimum_energy_kick(base, theta0_rad=theta0)[0]
        out["shape"] = "minimum_energy"
    shaped = with_values(base, kick_rad=kick)
    flight = fly(shaped, theta0_rad=theta0)
    figures = out | {"azimuth_deg": azimuth_deg} | summarize_flight(flight)
    return figures, lambda: ballistic_trajectory(shaped, theta0)


def _aim_point(
    area: PlaceSpec, target: str | None, range_km: float | None, azimuth_deg: float
) -> tuple[float, float]:
    """Latitude and longitude (radians) to aim at: a catalog target, or the point ``range_km``
    from the launch area along ``azimuth_deg``."""
    if target is not None:
        goal = lookup("target", target, targets())
        return goal.latitude_rad, goal.longitude_rad
    assert range_km is not None  # checked by _request_problems: (0, half-way round]
    lat, lon, _ = geodesic_direct(
        area.latitude_rad, area.longitude_rad, math.radians(azimuth_deg), range_km * 1e3
    )
    return float(lat), float(lon)


__all__ = ["catalog_listing", "fly_threat"]

"""Reconstruct a reported lofted test (``goldendome fly --reconstruct``), and store the fitted
flight like any other (:mod:`goldendome.threats.reconstruct` does the fit)."""

import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.scenario.catalog import launch_areas, lookup
from goldendome.scenario.errors import ScenarioError
from goldendome.studies.flight_store import store_flight
from goldendome.studies.fly import (
    FLIGHT_EPOCH,
    ballistic_class,
    ballistic_trajectory,
    summarize_flight,
)
from goldendome.studies.fly_requests import HALF_CIRCUMFERENCE_KM, bad_request, number_problems
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import fly
from goldendome.threats.reconstruct import reconstruct


def reconstruct_test(
    class_name: str,
    *,
    launch_area: str,
    apogee_km: float,
    range_km: float,
    flight_time_s: float | None = None,
    azimuth_deg: float = 90.0,
    runs_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Reconstruct a reported lofted test (see :mod:`goldendome.threats.reconstruct`).

    With ``runs_dir`` the fitted flight is also written to a new run folder there: its
    figures and trajectory (flown again with the fitted payload and kick) and the fit
    (``flight_reconstruction``); the result then has a ``run_folder`` key.
    """
    missile = ballistic_class(class_name)
    area = lookup("launch area", launch_area, launch_areas())
    problems = number_problems(
        {
            "--apogee-km": apogee_km,
            "--range-km": range_km,
            "--flight-time-s": flight_time_s,
            "--azimuth-deg": azimuth_deg,
        }
    )
    if problems:
        raise ScenarioError(f"fly {class_name} --reconstruct", problems)
    theta0 = float(earth_rotation_angle_rad(0.0, FLIGHT_EPOCH))
    try:
        rec = reconstruct(
            missile,
            apogee_km * 1e3,
            range_km * 1e3,
            lat_rad=area.latitude_rad,
            lon_rad=area.longitude_rad,
            azimuth_rad=math.radians(azimuth_deg),
            reported_flight_time_s=flight_time_s,
            theta0_rad=theta0,
        )
    except ValueError as exc:
        raise bad_request("reconstruction", str(exc)) from None
    result = (
        {"launch_area": area.name, "azimuth_deg": azimuth_deg}
        | asdict(rec)
        | {
            "verdict": rec.verdict,
            "global_reach_nominal_payload": rec.max_range_nominal_payload_km
            > HALF_CIRCUMFERENCE_KM,
            "global_reach_fitted_payload": rec.max_range_fitted_payload_km > HALF_CIRCUMFERENCE_KM,
        }
    )
    if runs_dir is None:
        return result
    fitted = Launches.of(
        [missile],
        [area.latitude_rad],
        area.longitude_rad,
        math.radians(azimuth_deg),
        math.radians(rec.kick_deg),
        payload_kg=rec.payload_kg,
    )
    figures = {"class": missile.name, "launch_area": area.name, "shape": "reconstructed"}
    figures |= {"azimuth_deg": azimuth_deg} | summarize_flight(fly(fitted, theta0_rad=theta0))
    inputs = {
        "class": class_name,
        "from": launch_area,
        "reconstruct": True,
        "apogee_km": apogee_km,
        "range_km": range_km,
        "flight_time_s": flight_time_s,
        "azimuth_deg": azimuth_deg,
    }
    return store_flight(
        figures,
        inputs,
        lambda: ballistic_trajectory(fitted, theta0),
        runs_dir=runs_dir,
        epoch=FLIGHT_EPOCH,
        theta0_rad=theta0,
        reconstruction=result,
    )


__all__ = ["reconstruct_test"]

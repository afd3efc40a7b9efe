"""One flight into a run folder: its figures, its sampled trajectory, and a reconstruction.

Tables (:mod:`goldendome.results.schemas`): ``flight`` (one row of figures in SI units,
NaN where a figure does not apply to the class), ``flight_trajectory`` (time after launch,
geodetic latitude, longitude and height, Earth-relative speed), and for a reconstructed
test ``flight_reconstruction``. The manifest's ``run`` facts hold the inputs as given
(``inputs``, the command's units) and the flight epoch; its scenario text is the inputs as
TOML. No randomness is drawn, so the seed is 0.
"""

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.results.run_folder import Columns
from goldendome.scenario.changes import toml_text
from goldendome.studies.folder import study_folder

#: Sampling of the stored trajectory, seconds.
TRAJECTORY_STEP_S = 10.0
#: A trajectory: times after launch ``(n_time,)`` s and ECI states ``(n_time, 6)`` m, m/s.
Trajectory = tuple[FloatArray, FloatArray]
TrajectoryFn = Callable[[], Trajectory]

NAN = float("nan")


def _get(result: Mapping[str, Any], key: str, scale: float = 1.0) -> float:
    value = result.get(key)
    return NAN if value is None else float(value) * scale


def _pair(result: Mapping[str, Any], key: str, i: int, scale: float) -> float:
    value = result.get(key)
    return NAN if value is None else float(value[i]) * scale


def flight_row(result: Mapping[str, Any]) -> Columns:
    """The ``flight`` table (one row) from what ``fly_threat`` returns (km -> m)."""
    kind = result.get("type", "ballistic")
    shape = result.get("shape") or {"hgv": "glide", "cruise": "cruise"}.get(kind, "")
    cruise = kind == "cruise"
    row: dict[str, Any] = {
        "class": result["class"],
        "type": kind,
        "launch_area": result["launch_area"],
        "target": result.get("target", ""),
        "shape": shape,
        "status": result.get("status", "impact"),
        "azimuth_deg": _get(result, "azimuth_deg"),
        "reachable": bool(result.get("reachable", True)),
        "target_range_m": _get(result, "target_range_km", 1e3),
        "max_range_m": _get(result, "max_range_km", 1e3),
        "miss_m": _get(result, "miss_m"),
        "burnout_time_s": _get(result, "burnout_time_s"),
        "burnout_speed_m_s": _get(result, "burnout_speed_km_s", 1e3),
        "burnout_speed_relative_m_s": _get(result, "burnout_speed_relative_km_s", 1e3),
        "burnout_altitude_m": _get(result, "burnout_altitude_km", 1e3),
        "burnout_flight_path_angle_deg": _get(result, "burnout_flight_path_angle_deg"),
        "apogee_altitude_m": _get(result, "apogee_km", 1e3),
        "apogee_time_s": _get(result, "apogee_time_s"),
        "range_m": _get(result, "range_km", 1e3),
        "flight_time_s": _get(result, "flight_time_s"),
        "impact_latitude_deg": _get(
            result, "end_latitude_deg" if cruise else "impact_latitude_deg"
        ),
        "impact_longitude_deg": _get(
            result, "end_longitude_deg" if cruise else "impact_longitude_deg"
        ),
        "impact_speed_m_s": _get(result, "impact_speed_km_s", 1e3),
        "pullup_time_s": _get(result, "pullup_time_s"),
        "dive_time_s": _get(result, "dive_time_s"),
        "glide_altitude_min_m": _pair(result, "glide_altitude_km", 0, 1e3),
        "glide_altitude_max_m": _pair(result, "glide_altitude_km", 1, 1e3),
        "glide_speed_max_m_s": _pair(result, "glide_speed_km_s", 0, 1e3),
        "glide_speed_min_m_s": _pair(result, "glide_speed_km_s", 1, 1e3),
        "max_bank_deg": _get(result, "max_bank_deg"),
        "cross_range_deg": _get(result, "cross_range_deg"),
        "cruise_speed_m_s": _get(result, "speed_m_s") if cruise else NAN,
        "cruise_altitude_m": _get(result, "cruise_altitude_m"),
    }
    return {k: [v] for k, v in row.items()}


def reconstruction_row(result: Mapping[str, Any], inputs: Mapping[str, Any]) -> Columns:
    """The ``flight_reconstruction`` table (one row) from what ``reconstruct_test`` returns."""
    row = {
        "class": result["missile"],
        "reported_apogee_m": float(inputs["apogee_km"]) * 1e3,
        "reported_range_m": float(inputs["range_km"]) * 1e3,
        "reported_flight_time_s": _get(result, "reported_flight_time_s"),
        "apogee_altitude_m": _get(result, "apogee_km", 1e3),
        "range_m": _get(result, "range_km", 1e3),
        "kick_deg": _get(result, "kick_deg"),
        "flight_time_s": _get(result, "flight_time_s"),
        "residual_s": _get(result, "residual_s"),
        "residual_fraction": _get(result, "residual_fraction"),
        "flagged": bool(result["flagged"]),
        "verdict": result["verdict"],
        "max_range_nominal_payload_m": _get(result, "max_range_nominal_payload_km", 1e3),
        "max_range_fitted_payload_m": _get(result, "max_range_fitted_payload_km", 1e3),
        "max_range_nominal_non_rotating_m": _get(result, "max_range_nominal_non_rotating_km", 1e3),
    }
    return {k: [v] for k, v in row.items()}


def trajectory_columns(t_s: FloatArray, y_eci: FloatArray, theta0_rad: float) -> Columns:
    """The ``flight_trajectory`` table from ECI states on a rotating Earth (launch at t = 0).

    Parameters
    ----------
    t_s : (n_time,) float64, seconds after launch
    y_eci : (n_time, 6) float64, meters and m/s
    theta0_rad : float
        Earth rotation angle at launch.
    """
    x_ecef = state_eci_to_ecef(y_eci, theta0_rad + OMEGA_EARTH_RAD_S * t_s)
    lat, lon, height = ecef_to_geodetic(x_ecef[:, :3])
    return {
        "t_s": t_s,
        "latitude_deg": np.degrees(lat),
        "longitude_deg": np.degrees(lon),
        "altitude_m": height,
        "speed_m_s": np.linalg.norm(x_ecef[:, 3:], axis=-1),
    }


def every_step(t_s: FloatArray, y_eci: FloatArray) -> Trajectory:
    """Samples of a finer grid every :data:`TRAJECTORY_STEP_S` while the object flies, and
    its last sample in flight."""
    flying = np.flatnonzero(np.all(np.isfinite(y_eci), axis=-1))
    if flying.size == 0:
        return t_s[:0], y_eci[:0]
    keep = flying[np.isclose(np.mod(t_s[flying], TRAJECTORY_STEP_S), 0.0)]
    keep = np.union1d(keep, flying[-1:])
    return t_s[keep], y_eci[keep]


def store_flight(
    result: dict[str, Any],
    inputs: Mapping[str, Any],
    trajectory: TrajectoryFn,
    *,
    runs_dir: str | Path,
    epoch: datetime,
    theta0_rad: float,
    reconstruction: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write one flight's run folder; ``result`` comes back with a ``run_folder`` key.

    Parameters
    ----------
    result : dict
        The flight's figures (``fly_threat``'s dict, or the fitted flight's for a
        reconstruction).
    inputs : mapping
        The inputs as given (None values dropped), stored in the manifest.
    trajectory : callable
        Returns the sampled flight (see :data:`Trajectory`).
    runs_dir : str or Path
    epoch : datetime
        The flight epoch (the Earth's orientation at launch).
    theta0_rad : float
        Earth rotation angle at launch.
    reconstruction : mapping, optional
        ``reconstruct_test``'s dict, written as ``flight_reconstruction``.
    """
    given = {k: v for k, v in inputs.items() if v is not None}
    name = str(given.get("class", "flight"))
    facts: dict[str, Any] = {"inputs": given, "epoch_utc": epoch.isoformat()}
    if reconstruction is not None:
        facts["fitted_payload_kg"] = reconstruction["payload_kg"]
    text = toml_text(given, ["goldendome fly: the flight asked for, in the command's units"])
    with (
        study_folder(
            runs_dir,
            f"fly-{name}",
            study="fly",
            scenario_name=name,
            scenario_text=text,
            facts=facts,
        ) as run,
        run.stage("tables"),
    ):
        run.table("flight", flight_row(result))
        t_s, y_eci = trajectory()
        run.table("flight_trajectory", trajectory_columns(t_s, y_eci, theta0_rad))
        if reconstruction is not None:
            run.table("flight_reconstruction", reconstruction_row(reconstruction, given))
    out = dict(reconstruction if reconstruction is not None else result)
    out["run_folder"] = str(run.path)
    return out


__all__ = [
    "TRAJECTORY_STEP_S",
    "every_step",
    "flight_row",
    "reconstruction_row",
    "store_flight",
    "trajectory_columns",
]

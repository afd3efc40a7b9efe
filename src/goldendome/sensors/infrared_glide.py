"""A space infrared layer's reports of gliding bodies by their aero-heated glow.

A glider after its release is detected with the point-source law
(:func:`goldendome.sensors.point_source.cold_detection_probability`) at the sensor type's
``glide_reference_range_km`` and the glider's relative glow
(:mod:`goldendome.sensors.aero_heating`, from its speed relative to the atmosphere and its
altitude), against the Earth below it, when the line of sight clears the Earth, the glider
is in the field of regard and above the cloud tops. A type without that range does not see
the glow. Of the satellites that detect a glider, the ``max_reports`` closest report it.
"""

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.visibility import line_of_sight
from goldendome.sensors.aero_heating import glide_signature
from goldendome.sensors.infrared_catalog import InfraredSensorType, glide_signature_model
from goldendome.sensors.point_source import cold_detection_probability


def glide_reports(
    kind: InfraredSensorType,
    r_sat_eci_m: FloatArray,
    r_obj: FloatArray,
    v_obj: FloatArray,
    draws: FloatArray,
    max_reports: int,
) -> tuple[IntArray, IntArray]:
    """The (satellite, glider) pairs reporting gliders in one frame.

    Parameters
    ----------
    kind : InfraredSensorType
    r_sat_eci_m : (n_sat, 3) float64, meters
    r_obj, v_obj : (n_glider, 3) float64, ECI meters and m/s
        NaN rows: not alive.
    draws : (n_sat, n_glider) float64
        The frame's uniform draws.
    max_reports : int

    Returns
    -------
    sat, obj : (n,) int64
        By rank of distance (closest first), then glider.
    """
    ref_km = kind.glide_reference_range_km
    alive = np.asarray(np.isfinite(r_obj).all(axis=-1), dtype=bool)
    if ref_km is None or not alive.any():
        return np.empty(0, np.int64), np.empty(0, np.int64)
    r_obj = np.where(alive[:, None], r_obj, 0.0)
    altitude = ecef_to_geodetic(r_obj)[2]
    v_air = v_obj - np.cross([0.0, 0.0, OMEGA_EARTH_RAD_S], r_obj)
    g = glide_signature_model()
    sig = glide_signature(
        np.linalg.norm(np.nan_to_num(v_air), axis=-1), altitude, g.recovery_factor,
        g.max_skin_temperature_k, g.reference_skin_temperature_k,
        (g.band_low_um, g.band_high_um),
    )  # fmt: skip
    rel = r_obj[None] - r_sat_eci_m[:, None]
    rng_m = np.linalg.norm(rel, axis=-1)
    nadir = -r_sat_eci_m / np.linalg.norm(r_sat_eci_m, axis=-1, keepdims=True)
    off = np.einsum("sok,sk->so", rel, nadir) / rng_m
    visible = line_of_sight(r_sat_eci_m[:, None], r_obj[None], ellipsoid=False)
    visible &= off >= np.cos(np.radians(kind.max_off_nadir_deg))
    visible &= (alive & (altitude >= kind.cloud_top_km * 1e3))[None]
    pd = cold_detection_probability(rng_m, np.asarray(ref_km * 1e3), sig[None])
    dist = np.where(visible & (draws < pd), rng_m, np.inf)
    sat = np.argsort(dist, axis=0)[: min(max_reports, r_sat_eci_m.shape[0])]
    obj = np.broadcast_to(np.arange(r_obj.shape[0]), sat.shape)
    keep = np.isfinite(dist[sat, obj])
    return sat[keep].astype(np.int64), obj[keep].astype(np.int64)

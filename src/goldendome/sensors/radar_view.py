"""A radar's view of a scene before any draw: the geometry and detection probabilities of
every object in every frame, and the draws that turn it into measurements.

:meth:`goldendome.sensors.radar.Radar.measure` is :func:`draw_measurements` of
:func:`radar_view`. The split lets a caller that measures one scene many times with
different draws (the boost samples of a run, :mod:`goldendome.run.boost_sampler`) work out
the geometry once: the same view and the same generator give the same measurements, bit for
bit, as ``measure`` does.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.physics.measurements import Measurements, frame_indices
from goldendome.physics.scene import SceneObjects
from goldendome.sensors.radar_equation import swerling1_pd
from goldendome.sensors.radar_reach import radar_sigma

if TYPE_CHECKING:
    from goldendome.sensors.radar import Radar


@dataclass(frozen=True, eq=False)
class RadarView:
    """One radar's frames of a scene (``n_obj`` objects, ``n_frame`` frames with an object
    alive).

    Attributes
    ----------
    t_s : (n_frame,) float64, seconds
        The frames' times.
    enu, enu_v : (n_obj, n_frame, 3) float64, meters and m/s
        Each object's position and velocity relative to the site in its ENU frame.
    rho_m, azimuth_rad, elevation_rad, snr : (n_obj, n_frame) float64
        Slant range, ENU azimuth and elevation, signal-to-noise ratio (linear).
    pd : (n_obj, n_frame) float64
        Detection probability (0 where an object is not alive, out of view or out of reach).
    origin_r_eci_m, origin_v_eci_m_s : (n_frame, 3) float64; rotation : (n_frame, 3, 3)
        The site's ECI state and its ECI-to-ENU rotation at each frame.
    """

    t_s: FloatArray
    enu: FloatArray
    enu_v: FloatArray
    rho_m: FloatArray
    azimuth_rad: FloatArray
    elevation_rad: FloatArray
    snr: FloatArray
    pd: FloatArray
    origin_r_eci_m: FloatArray
    origin_v_eci_m_s: FloatArray
    rotation: FloatArray


def radar_view(radar: "Radar", scene: SceneObjects, signature: IntArray | None) -> RadarView:
    """The view of ``scene`` from ``radar`` over its frame schedule (see
    :mod:`goldendome.sensors.radar`; ``signature``: signature classes selecting each object's
    cross section, None: ``scene.kind``)."""
    t, r, v, kind = scene.t_s, scene.r_eci_m, scene.v_eci_m_s, scene.kind
    if t.size > 1 and not np.all(np.diff(t) > 0.0):
        raise ValueError("t_s must increase strictly: sort the time grid before measuring.")
    rtype = radar.radar_type
    rcs = rtype.rcs_by_code(kind if signature is None else signature)
    frames = frame_indices(t, rtype.frame_time_s)
    frames = frames[np.isfinite(r[:, frames, 0]).any(axis=0)]  # frames with nothing alive
    origin_r, origin_v, rotation = radar.site_frames(t[frames])
    enu = np.einsum("fij,ofj->ofi", rotation, r[:, frames] - origin_r)
    enu_v = np.einsum("fij,ofj->ofi", rotation, v[:, frames] - origin_v)
    exists = np.isfinite(enu).all(axis=-1) & np.isfinite(enu_v).all(axis=-1)
    enu = np.where(exists[..., None], enu, 1.0)  # placeholder direction, never detected
    rho = np.linalg.norm(enu, axis=-1)
    az = np.arctan2(enu[..., 0], enu[..., 1])
    el = np.arcsin(np.clip(enu[..., 2] / rho, -1.0, 1.0))
    snr = rtype.snr(rho, rcs[:, None])
    seen = exists & radar.in_view(az, el, mask=False)
    o_in, f_in = np.nonzero(seen)
    seen[o_in, f_in] = radar.reachable(
        r[o_in, frames[f_in]], v[o_in, frames[f_in]], rho[o_in, f_in], origin_r[f_in],
        el[o_in, f_in],
    )  # fmt: skip
    pd = np.where(seen, swerling1_pd(snr, rtype.reference_pfa), 0.0)
    return RadarView(t[frames], enu, enu_v, rho, az, el, snr, pd, origin_r, origin_v, rotation)


def draw_measurements(radar: "Radar", view: RadarView, rng: np.random.Generator) -> Measurements:
    """The detections of one draw of ``view``: one uniform per object and frame decides
    (object-major order), then the measurement noise; rows ordered by time, then object."""
    hit = rng.random(view.pd.shape) < view.pd
    f, o = np.nonzero(hit.T)
    enu, rho = view.enu[o, f], view.rho_m[o, f]
    rate = np.einsum("ni,ni->n", enu, view.enu_v[o, f]) / rho
    el = view.elevation_rad[o, f]
    z = np.stack([rho, view.azimuth_rad[o, f], el, rate], axis=-1)
    sigma = radar_sigma(radar.radar_type, view.snr[o, f], el)
    z = z + sigma * rng.standard_normal(z.shape)
    z[:, 1] = wrap_angle(z[:, 1])
    return Measurements(
        sensor=np.full(o.size, radar.sensor_id, dtype=np.int64),
        object=o.astype(np.int64),
        t_s=view.t_s[f],
        z=z,
        sigma=sigma,
        origin_r_eci_m=view.origin_r_eci_m[f],
        origin_v_eci_m_s=view.origin_v_eci_m_s[f],
        rotation=view.rotation[f],
        plume=np.zeros(o.size, dtype=bool),
    )

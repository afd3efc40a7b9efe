"""Space-based air moving target indication: radars on the satellites of a layer.

The role a constellation takes with ``role = "air_moving_target"``: radar satellites in
low orbit that look down for aircraft, cruise missiles and glide vehicles (the space-based
AMTI/GMTI role in the Golden Dome architecture; no performance figure is public, so the
radar type, ``space-amti`` in ``radars.toml``, is parametric and every value an
assumption). Each satellite looks every ``frame_time_s`` (the type's). It can see an object
when

1. the object is below the type's ``max_target_altitude_m`` (geodetic);
2. it lies within the field of regard, ``fov_half_azimuth_rad`` of the type about the
   satellite's nadir, and the line of sight clears the Earth (WGS-84 ellipsoid);
3. its speed along the line of sight, relative to the ground under it, reaches the type's
   ``min_radial_speed_m_s`` (the clutter notch of moving-target indication: a target
   flying across the line of sight is lost in the ground clutter).

It is then detected with the Swerling 1 probability at the SNR the radar equation scales
from the type's reference point, the cross section from the type's band and the object's
signature class (:mod:`goldendome.sensors.signatures`), one uniform draw per satellite and
object in view. Of the satellites that detect an object in a frame, the ``max_reports``
closest report it. A report measures range, two angles and range rate in a frame whose y
axis points to nadir (:func:`goldendome.sensors.infrared.nadir_frames`), with the radar
noise model of :func:`goldendome.sensors.radar_reach.radar_sigma`.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.measurements import Measurements, frame_indices
from goldendome.physics.scene import SceneObjects
from goldendome.physics.visibility import line_of_sight
from goldendome.sensors.infrared import nadir_frames
from goldendome.sensors.radar_equation import swerling1_pd
from goldendome.sensors.radar_reach import ground_radial_speed_m_s, radar_sigma
from goldendome.sensors.radar_type import RadarType


@dataclass(frozen=True)
class SpaceRadarLayer:
    """The radars of one space layer, on a common time grid; a
    :class:`~goldendome.sensors.base.Sensor`.

    Parameters
    ----------
    name : str
    sensor_id : int
        Written into every measurement's ``sensor`` column.
    radar_type : RadarType
        A type with ``platform = "space"`` (``space-amti``).
    t_s : (n_time,) float64, seconds
    sat_r_eci_m, sat_v_eci_m_s : (n_satellite, n_time, 3) float64
    max_reports : int
    """

    name: str
    sensor_id: int
    radar_type: RadarType
    t_s: FloatArray
    sat_r_eci_m: FloatArray
    sat_v_eci_m_s: FloatArray
    max_reports: int = 2

    def __post_init__(self) -> None:
        if self.radar_type.platform != "space":
            raise ValueError(
                f"space radar layer '{self.name}': radar type '{self.radar_type.name}' has "
                f"platform = '{self.radar_type.platform}'; a layer carries a 'space' type."
            )

    @property
    def label(self) -> str:
        """``radar`` and the type's name (``radar space-amti``)."""
        return f"radar {self.radar_type.name}"

    @property
    def report_latency_s(self) -> float:
        """Delay between an observation and its report, seconds (the type's)."""
        return float(self.radar_type.report_latency_s)

    @property
    def discrimination_class(self) -> str:
        """``radar_x_band`` for X-band radars, else ``radar_low_band``."""
        return "radar_x_band" if self.radar_type.band == "x" else "radar_low_band"

    def _in_view(
        self, r_sat: FloatArray, r_obj: FloatArray, v_obj: FloatArray, rho: FloatArray
    ) -> BoolArray:
        """Pairs ``(n_sat, n_obj)`` in the field of regard, in sight and out of the notch."""
        kind = self.radar_type
        rel = r_obj[None] - r_sat[:, None]
        nadir = -r_sat / np.linalg.norm(r_sat, axis=-1, keepdims=True)
        ok = np.einsum("sok,sk->so", rel, nadir) >= np.cos(kind.fov_half_azimuth_rad) * rho
        ok &= line_of_sight(r_sat[:, None], r_obj[None])
        if kind.min_radial_speed_m_s > 0.0:
            speed = ground_radial_speed_m_s(r_obj[None], v_obj[None], rel / rho[..., None])
            ok &= speed >= kind.min_radial_speed_m_s
        return np.asarray(ok, dtype=bool)

    def measure(
        self, scene: SceneObjects, rng: np.random.Generator, signature: IntArray | None = None
    ) -> Measurements:
        """Detections of the scene's objects on this layer's time grid.

        Parameters
        ----------
        scene : SceneObjects
            Sampled on this layer's grid (``scene.t_s == self.t_s``).
        rng : numpy.random.Generator
            Detection draws (one uniform per satellite and candidate object in each frame),
            then the measurement noise.
        signature : (n_object,) int64, optional
            Signature classes selecting each object's cross section; None: ``scene.kind``.

        Returns
        -------
        Measurements
            Rows ordered by frame, then by each object's closest reporting satellite, next
            closest, ..., then object; all four components measured.
        """
        if scene.t_s.shape != self.t_s.shape or not np.allclose(scene.t_s, self.t_s):
            raise ValueError("objects must be sampled on the sensor layer's own time grid.")
        kind = self.radar_type
        rcs = kind.rcs_by_code(scene.kind if signature is None else signature)
        rows: list[tuple[IntArray, IntArray, IntArray]] = []
        for k in frame_indices(self.t_s, kind.frame_time_s):
            cand = np.flatnonzero(np.isfinite(scene.r_eci_m[:, k]).all(axis=-1))
            if cand.size:
                cand = cand[
                    ecef_to_geodetic(scene.r_eci_m[cand, k])[2] <= kind.max_target_altitude_m
                ]
            if not cand.size:
                continue
            r_obj, v_obj = scene.r_eci_m[cand, k], scene.v_eci_m_s[cand, k]
            r_sat = self.sat_r_eci_m[:, k]
            rho = np.linalg.norm(r_obj[None] - r_sat[:, None], axis=-1)
            seen = self._in_view(r_sat, r_obj, v_obj, rho)
            pd = np.where(
                seen, swerling1_pd(kind.snr(rho, rcs[cand][None]), kind.reference_pfa), 0.0
            )
            dist = np.where(rng.random(pd.shape) < pd, rho, np.inf)
            sat = np.argsort(dist, axis=0)[: self.max_reports]
            obj = np.broadcast_to(np.arange(cand.size), sat.shape)
            keep = np.isfinite(dist[sat, obj])
            rows.append((sat[keep], cand[obj[keep]], np.full(int(keep.sum()), k)))
        return self._measurements(rows, scene, rcs, rng)

    def _measurements(
        self,
        rows: list[tuple[IntArray, IntArray, IntArray]],
        scene: SceneObjects,
        rcs: FloatArray,
        rng: np.random.Generator,
    ) -> Measurements:
        empty = np.empty(0, np.int64)
        sat, obj, k = (np.concatenate([r[i] for r in rows]) if rows else empty for i in range(3))
        origin, origin_v = self.sat_r_eci_m[sat, k], self.sat_v_eci_m_s[sat, k]
        rotation = nadir_frames(origin)
        los = scene.r_eci_m[obj, k] - origin
        rho = np.linalg.norm(los, axis=-1)
        rel = np.einsum("nij,nj->ni", rotation, los)
        rate = np.einsum("ni,ni->n", los, scene.v_eci_m_s[obj, k] - origin_v) / rho
        el = np.arcsin(np.clip(rel[:, 2] / rho, -1.0, 1.0))
        z = np.stack([rho, np.arctan2(rel[:, 0], rel[:, 1]), el, rate], axis=-1)
        sigma = radar_sigma(self.radar_type, self.radar_type.snr(rho, rcs[obj]), el)
        z = z + sigma * rng.standard_normal(z.shape)
        z[:, 1] = wrap_angle(z[:, 1])
        return Measurements(
            sensor=np.full(sat.size, self.sensor_id, dtype=np.int64),
            object=obj.astype(np.int64),
            t_s=self.t_s[k],
            z=z,
            sigma=sigma,
            origin_r_eci_m=origin,
            origin_v_eci_m_s=origin_v,
            rotation=rotation,
            plume=np.zeros(sat.size, dtype=bool),
        )

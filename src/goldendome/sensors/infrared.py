"""Space infrared sensors: early-warning satellites that see boosting plumes, and a LEO
tracking layer that also sees cold midcourse objects at shorter range.

Each satellite of a layer looks every ``frame_time_s``. It can see an object when the line
of sight clears the Earth, the object lies within the field of regard (an angle from
nadir), and then:

Nothing below the cloud tops is seen. Above them:

- a **boosting** missile and within ``boost_reference_range_km`` is
  detected with ``boost_detection_probability`` per frame;
- a **cold** object (not boosting; sensors with ``cold_detection``) is detected with the
  point-source probability ``Pd = Phi(d - T)``: ``T = Phi^-1(1 - Pfa)`` the threshold in
  noise standard deviations, ``d = (T + Phi^-1(0.9)) s (R_ref / R)^2`` the signal-to-noise
  ratio, which falls as the square of range for an unresolved source (``s``: the object's relative
  signature). ``R_ref`` is the range of Pd 0.9 against cold space when the line of sight
  beyond the object misses the Earth and its limb, and against the warm Earth otherwise.

- a **glider** (signature class ``glider``, :mod:`goldendome.sensors.signatures`) after its
  release is not a cold body: its aero-heated skin glows (:mod:`goldendome.sensors.
  aero_heating`, relative signature ``s`` from its speed and altitude), and it is detected
  with the same point-source law at the type's ``glide_reference_range_km`` (Pd 0.9 for
  ``s = 1``, against the Earth below it) in place of the cold ranges; a type without that
  range does not see the glow. GEO early warning, sized for plumes, mostly cannot hold a
  glider; the LEO tracking layer (the HBTSS role) can. Gliders' reports follow the other
  objects' in each frame.

A detection measures two angles in a frame whose y axis points to nadir (so targets on the
Earth sit near the frame's center, far from the angle singularity), with Gaussian noise of
``angle_sigma_urad``. At most ``max_reports`` satellites (the closest that detected it)
report an object per frame.
"""

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtri

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.measurements import (
    AZIMUTH,
    ELEVATION,
    N_COMPONENTS,
    Measurements,
    frame_indices,
)
from goldendome.physics.scene import SceneObjects
from goldendome.physics.visibility import line_of_sight
from goldendome.sensors._infrared_frame import frame_reports
from goldendome.sensors.infrared_catalog import (
    InfraredSensorType,
    infrared_signatures,
    infrared_types,
)
from goldendome.sensors.infrared_glide import glide_reports
from goldendome.sensors.point_source import PFA, cold_detection_probability
from goldendome.sensors.signatures import GLIDER

__all__ = [
    "PFA",
    "InfraredLayer",
    "InfraredSensorType",
    "cold_detection_probability",
    "infrared_signatures",
    "infrared_types",
    "nadir_frames",
]


def nadir_frames(r_sensor_eci_m: FloatArray) -> FloatArray:
    """Rotations ``(..., 3, 3)`` from ECI to a frame whose y axis points to nadir."""
    y = -r_sensor_eci_m / np.linalg.norm(r_sensor_eci_m, axis=-1, keepdims=True)
    pole = np.where(np.abs(y[..., 2:3]) < 0.9, [0.0, 0.0, 1.0], [1.0, 0.0, 0.0])
    x = np.cross(y, pole)
    x /= np.linalg.norm(x, axis=-1, keepdims=True)
    return np.stack([x, y, np.cross(x, y)], axis=-2)


@dataclass(frozen=True)
class InfraredLayer:
    """The infrared sensors of one space layer, on a common time grid; a
    :class:`~goldendome.sensors.base.Sensor`.

    Parameters
    ----------
    name : str
    sensor_id : int
        Written into every measurement's ``sensor`` column.
    kind : InfraredSensorType
        A sensor type of ``infrared_sensors.toml`` (:func:`infrared_types`).
    t_s : (n_time,) float64, seconds
    sat_r_eci_m, sat_v_eci_m_s : (n_satellite, n_time, 3) float64
    max_reports : int
    """

    name: str
    sensor_id: int
    kind: InfraredSensorType
    t_s: FloatArray
    sat_r_eci_m: FloatArray
    sat_v_eci_m_s: FloatArray
    max_reports: int = 3

    @property
    def report_latency_s(self) -> float:
        """Delay between an observation and its report, seconds."""
        return float(self.kind.report_latency_s)

    @property
    def label(self) -> str:
        """``infrared`` and the sensor type's name (``infrared tracking``)."""
        return f"infrared {self.kind.name}"

    @property
    def discrimination_class(self) -> str:
        """``ir_tracking`` for sensors that see cold bodies, else ``ir_warning``."""
        return "ir_tracking" if self.kind.cold_detection else "ir_warning"

    def frame_indices(self) -> IntArray:
        """Samples of the time grid at which the sensors take a frame."""
        return frame_indices(self.t_s, float(self.kind.frame_time_s))

    def _pd(
        self, rel: FloatArray, r_obj: FloatArray, boosting: BoolArray, sig: FloatArray
    ) -> FloatArray:
        """Detection probability ``(n_sat, n_obj)`` given lines of sight ``rel`` (sat -> obj)."""
        k = self.kind
        rng_m = np.linalg.norm(rel, axis=-1)
        # Geodetic height does not depend on longitude, so ECI positions serve.
        altitude = ecef_to_geodetic(r_obj)[2]
        above_clouds = altitude >= k.cloud_top_km * 1e3
        hot = boosting & above_clouds
        pd = np.where(
            hot[None, :] & (rng_m <= k.boost_reference_range_km * 1e3),
            k.boost_detection_probability,
            0.0,
        )
        if k.cold_detection:
            space_km, earth_km, limb_km = k.cold_ranges_km()
            d = rel / rng_m[..., None]
            along = np.einsum("sok,ok->so", d, r_obj)
            miss = np.where(along < 0.0, np.linalg.norm(np.cross(r_obj, d), axis=-1), np.inf)
            space = miss > R_EARTH_MEAN_M + limb_km * 1e3
            ref = np.where(space, space_km, earth_km)
            cold = cold_detection_probability(rng_m, ref * 1e3, sig[None, :])
            coasting = (above_clouds & ~boosting)[None, :]
            pd = np.where(hot[None, :], pd, np.where(coasting, cold, 0.0))
        return np.asarray(pd, dtype=np.float64)

    def measure(
        self, scene: SceneObjects, rng: np.random.Generator, signature: IntArray | None = None
    ) -> Measurements:
        """Detections of the scene's objects on this layer's time grid.

        Parameters
        ----------
        scene : SceneObjects
            Sampled on this layer's grid (``scene.t_s == self.t_s``); ``scene.boosting``
            marks powered flight, ``scene.kind`` selects each object's infrared signature.
        rng : numpy.random.Generator
            Detection draws (one uniform per satellite and object in each frame with an
            object alive), then the angle noise.

        Returns
        -------
        Measurements
            Rows ordered by frame, then by each object's closest reporting satellite,
            next closest, ..., then object; azimuth and elevation measured, range and range
            rate NaN.
        """
        t_s, r_eci_m = scene.t_s, scene.r_eci_m
        if t_s.shape != self.t_s.shape or not np.allclose(t_s, self.t_s):
            raise ValueError("objects must be sampled on the sensor layer's own time grid.")
        sig = infrared_signatures().by_code()[scene.kind]
        glider = np.zeros(len(scene), bool) if signature is None else signature == GLIDER
        rows: list[tuple[IntArray, IntArray, IntArray]] = []
        for k in self.frame_indices():
            r_obj = r_eci_m[:, k]
            if not np.isfinite(r_obj).all(axis=-1).any():
                continue
            draws = rng.random((self.sat_r_eci_m.shape[0], r_obj.shape[0]))
            burning = scene.boosting[:, k]
            gliding = glider & ~burning
            if gliding.any():  # the kernel sees the others; the gliders' glow follows
                r_obj = np.where(gliding[:, None], np.nan, r_obj)
            sat, obj = self.frame_reports(k, r_obj, burning, sig, draws)
            if gliding.any():
                idx = np.flatnonzero(gliding)
                g_sat, g_obj = self.glide_reports(
                    k, r_eci_m[idx, k], scene.v_eci_m_s[idx, k], draws[:, idx]
                )
                sat, obj = np.concatenate([sat, g_sat]), np.concatenate([obj, idx[g_obj]])
            rows.append((sat, obj, np.full(sat.size, k)))
        return self._measurements(rows, r_eci_m, scene.boosting, rng)

    def glide_reports(
        self, k: int, r_obj: FloatArray, v_obj: FloatArray, draws: FloatArray
    ) -> tuple[IntArray, IntArray]:
        """The (satellite, glider) pairs reporting gliders ``(n_glider, 3)`` (ECI positions
        and velocities, NaN: not alive) in frame ``k`` with draws ``(n_sat, n_glider)``: by
        their aero-heated glow (see the module notes); closest satellites first."""
        return glide_reports(
            self.kind, self.sat_r_eci_m[:, k], r_obj, v_obj, draws, self.max_reports
        )

    def _heat(self, r_obj: FloatArray, burning: BoolArray) -> tuple[BoolArray, BoolArray]:
        """Objects alive and boosting above the clouds, and alive and coasting above them."""
        alive = np.isfinite(r_obj).all(axis=-1)
        # Geodetic height does not depend on longitude, so ECI positions serve.
        altitude = ecef_to_geodetic(np.nan_to_num(r_obj))[2]
        above = alive & (altitude >= self.kind.cloud_top_km * 1e3)
        return above & burning, above & ~burning

    def frame_reports(
        self, k: int, r_obj: FloatArray, burning: BoolArray, sig: FloatArray, draws: FloatArray
    ) -> tuple[IntArray, IntArray]:
        """The (satellite, object) pairs reporting in frame ``k`` (compiled,
        :func:`goldendome.sensors._infrared_frame.frame_reports`).

        Parameters
        ----------
        k : int
            Sample of the time grid.
        r_obj : (n_obj, 3) float64, m, ECI
            Objects (NaN rows: not alive).
        burning : (n_obj,) bool
        sig : (n_obj,) float64
            Relative signatures.
        draws : (n_sat, n_obj) float64
            The frame's uniform draws.

        Returns
        -------
        sat, obj : (n,) int64
            By rank of distance (closest first), then object.
        """
        kind = self.kind
        hot, coasting = self._heat(r_obj, burning)
        space_km, earth_km, limb_km = kind.cold_ranges_km() if kind.cold_detection else (0, 0, 0)
        threshold = float(ndtri(1.0 - PFA))
        params = np.array([
            np.cos(np.radians(kind.max_off_nadir_deg)), R_EARTH_MEAN_M,
            kind.boost_reference_range_km * 1e3, kind.boost_detection_probability,
            float(kind.cold_detection), space_km * 1e3, earth_km * 1e3,
            R_EARTH_MEAN_M + limb_km * 1e3, threshold, threshold + float(ndtri(0.9)),
        ])  # fmt: skip
        return frame_reports(
            np.ascontiguousarray(r_obj), hot, coasting, sig.astype(np.float64),
            np.ascontiguousarray(self.sat_r_eci_m[:, k]), draws, params, self.max_reports,
        )  # fmt: skip

    def frame_reports_reference(
        self, k: int, r_obj: FloatArray, burning: BoolArray, sig: FloatArray, draws: FloatArray
    ) -> tuple[IntArray, IntArray]:
        """:meth:`frame_reports` with NumPy over every (satellite, object) pair (the
        reference the compiled kernel is tested against)."""
        r_sat = self.sat_r_eci_m[:, k]
        alive = np.asarray(np.isfinite(r_obj).all(axis=-1), dtype=bool)
        cos_regard = np.cos(np.radians(self.kind.max_off_nadir_deg))
        rel = r_obj[None, :] - r_sat[:, None]
        nadir = -r_sat / np.linalg.norm(r_sat, axis=-1, keepdims=True)
        off = np.einsum("sok,sk->so", rel, nadir) / np.linalg.norm(rel, axis=-1)
        clear = line_of_sight(
            r_sat[:, None], np.where(alive[:, None], r_obj, 0.0)[None], ellipsoid=False
        )
        visible = clear & (off >= cos_regard) & alive[None, :]
        pd = np.where(visible, self._pd(rel, np.nan_to_num(r_obj), burning, sig), 0.0)
        hit = draws < pd
        dist = np.where(hit, np.linalg.norm(rel, axis=-1), np.inf)
        order = np.argsort(dist, axis=0)[: self.max_reports]
        sat, obj = order, np.broadcast_to(np.arange(r_obj.shape[0]), order.shape)
        keep = np.isfinite(dist[sat, obj])
        return sat[keep].astype(np.int64), obj[keep].astype(np.int64)

    def _measurements(
        self,
        rows: list[tuple[IntArray, IntArray, IntArray]],
        r_eci_m: FloatArray,
        boosting: BoolArray,
        rng: np.random.Generator,
    ) -> Measurements:
        sat = np.concatenate([r[0] for r in rows]) if rows else np.empty(0, np.int64)
        obj = np.concatenate([r[1] for r in rows]) if rows else np.empty(0, np.int64)
        k = np.concatenate([r[2] for r in rows]) if rows else np.empty(0, np.int64)
        origin = self.sat_r_eci_m[sat, k]
        rotation = nadir_frames(origin)
        rel = np.einsum("nij,nj->ni", rotation, r_eci_m[obj, k] - origin)
        sigma = np.full((sat.size, N_COMPONENTS), np.nan)
        sigma[:, [AZIMUTH, ELEVATION]] = self.kind.angle_sigma_urad * 1e-6
        z = np.full((sat.size, N_COMPONENTS), np.nan)
        z[:, AZIMUTH] = np.arctan2(rel[:, 0], rel[:, 1])
        z[:, ELEVATION] = np.arcsin(rel[:, 2] / np.linalg.norm(rel, axis=1))
        noise = rng.standard_normal((sat.size, 2)) * sigma[:, [AZIMUTH, ELEVATION]]
        z[:, [AZIMUTH, ELEVATION]] += noise
        return Measurements(
            sensor=np.full(sat.size, self.sensor_id, dtype=np.int64),
            object=obj.astype(np.int64),
            t_s=self.t_s[k],
            z=z,
            sigma=sigma,
            origin_r_eci_m=origin,
            origin_v_eci_m_s=self.sat_v_eci_m_s[sat, k],
            rotation=rotation,
            plume=np.asarray(boosting[obj, k], dtype=bool),  # a hot detection is the plume's
        )

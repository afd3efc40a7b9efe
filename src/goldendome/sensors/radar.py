"""Ground and sea radars: parametric types from ``radars.toml`` and sites that measure.

A :class:`RadarType` holds what ``goldendome/data/radars.toml`` says of a kind of radar
(reference detection range, field of view, frame time, noise). A :class:`Radar` is one site
of a type: where it stands, where its first face points, how many faces it has. It
implements the :class:`~goldendome.sensors.base.Sensor` protocol:

1. It takes one frame every ``frame_time_s``: at the first sample of the time grid in each
   frame interval, counted from the grid's first time. States are not interpolated, so pass
   a grid at least as fine as the frame time (a coarser grid gives one frame per sample).
2. An object is in view of a face when its direction, in the face's own angles (azimuth
   offset about the face's vertical axis, then elevation offset from the face's horizontal
   plane; for an untilted face, the differences of ENU azimuth and elevation), is within
   ``fov_half_azimuth`` and ``fov_half_elevation`` of the boresight, and its ENU elevation
   is above the minimum (which, being above the local horizontal, also clears the Earth).
   A tilted face thus covers the zenith when tilt + half-angle reaches 90 deg.
   A ground or airborne radar also needs the object within the radar horizon of a smooth
   4/3 Earth (:mod:`goldendome.sensors.radar_horizon`, terrain ignored) from the site's
   altitude to the object's geodetic altitude: it binds low fliers (a cruise missile at
   30-50 m) and gives an aircraft on station its horizon advantage. For a low flier
   (below 15 km, :data:`goldendome.sensors.radar_reach.LOW_FLIER_ALTITUDE_M`) the minimum
   elevation is taken over the same 4/3 Earth and counted from the site's horizon dip, so a
   mask of 0 means "down to the radar horizon"; higher objects keep the geometric
   elevation against the mask. A **skywave**
   (over-the-horizon) type instead sees, through the ionosphere, objects whose ground range
   lies in its band and whose azimuth lies in a face's sector, with no line of sight or
   elevation limit. Objects above the type's ``max_target_altitude_m`` are not seen, nor,
   with moving-target indication, those whose speed along the line of sight relative to the
   ground under them is below ``min_radial_speed_m_s`` (the clutter notch).
3. It is detected with the Swerling 1 probability at the SNR scaled from the type's
   reference point (:mod:`goldendome.sensors.radar_equation`), the cross section taken from
   the type's band and the object's signature class (:mod:`goldendome.sensors.signatures`:
   its kind, or glider or cruise missile); one uniform draw from ``rng`` per object and
   frame decides.
4. A detection measures range, azimuth, elevation and range rate in the ENU frame with
   Gaussian noise. Its one-sigma values are the type's values at the reference SNR times
   ``sqrt(SNR_ref / SNR)`` (thermal-noise accuracy, Skolnik 2001, sec. 6.3), never below
   ``noise_floor_fraction`` of them. The angle noise is isotropic across the line of sight,
   so the azimuth sigma is divided by ``cos(elevation)`` (bounded near the zenith).

The sensor frame's origin is the site, ``r_eci = R3(-theta) r_ecef`` with velocity
``omega x r_eci``; its rotation has the ENU axes, turned into ECI, as rows.
"""

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, TWO_PI
from goldendome.physics.frames import ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.physics.topocentric import aer_to_enu, enu_axes_ecef
from goldendome.sensors.radar_reach import site_reach
from goldendome.sensors.radar_type import DATA_FILE, RadarType, fail, radar_types
from goldendome.sensors.radar_view import RadarView, draw_measurements, radar_view

#: Delay between a ground radar's observation and its report, s (goldendome assumption:
#: ground radars report at once, the run's sensor delays sit in the space layers' ground
#: processing); a type's ``report_latency_s`` gives its own.
RADAR_REPORT_LATENCY_S = 0.0


@dataclass(frozen=True)
class Radar:
    """One radar site, a :class:`~goldendome.sensors.base.Sensor`.

    Parameters
    ----------
    name : str
    latitude_rad, longitude_rad : float, radians (geodetic)
    altitude_m : float, meters above the WGS-84 ellipsoid
    boresight_azimuth_rad : float, radians
        Azimuth of the first face's boresight, clockwise from north; further faces follow
        clockwise, ``face_spacing_rad`` of the type apart.
    boresight_elevation_rad : float, radians
        Elevation of every face's boresight (0 to 90 deg).
    radar_type : RadarType
    faces : int
    min_elevation_rad : float, optional
        Overrides the type's minimum elevation (terrain, siting).
    sensor_id : int
        Written into every measurement's ``sensor`` column.
    theta0_rad : float
        Earth rotation angle at scenario time 0 (see ``physics.earth_rotation``).
    """

    name: str
    latitude_rad: float
    longitude_rad: float
    altitude_m: float
    boresight_azimuth_rad: float
    boresight_elevation_rad: float
    radar_type: RadarType
    faces: int = 1
    min_elevation_rad: float | None = None
    sensor_id: int = 0
    theta0_rad: float = 0.0

    def __post_init__(self) -> None:
        where = f"radar '{self.name}': "
        el = math.degrees(self.boresight_elevation_rad)
        if not 0.0 <= el <= 90.0:
            rule = "a radar must look above the horizon (0 to 90 deg)"
            fail("boresight_elevation_deg", el, rule, where)
        lat = math.degrees(self.latitude_rad)
        if not -90.0 <= lat <= 90.0:
            fail("latitude_deg", lat, "a latitude lies between -90 and 90 deg", where)
        if self.min_elevation_rad is not None and not abs(self.min_elevation_rad) < math.pi / 2:
            min_el = math.degrees(self.min_elevation_rad)
            fail("min_elevation_deg", min_el, "must be between -90 and 90 deg", where)
        spacing = self.radar_type.face_spacing_rad
        max_faces = 1 if spacing <= 0.0 else int(TWO_PI / spacing + 1e-9)
        if not 1 <= self.faces <= max_faces:
            rule = (
                f"radar type '{self.radar_type.name}' (face_spacing_deg = "
                f"{math.degrees(spacing):g}) allows 1 to {max_faces} faces"
            )
            fail("faces", self.faces, rule, where)
        kind = self.radar_type
        if kind.platform == "space":
            rule = (
                f"radar type '{kind.name}' is carried by satellites (a [space] layer with role"
                " = 'air_moving_target'), not by a site"
            )
            raise ValueError(f"{where}radar.type = '{kind.name}': {rule}")
        low, high = kind.min_platform_altitude_m, kind.max_platform_altitude_m
        if not low <= self.altitude_m <= high:
            rule = f"a radar of type '{kind.name}' ({kind.platform}) stands or flies between "
            fail("altitude_m", self.altitude_m, rule + f"{low:g} and {high:g} m", where)

    @classmethod
    def from_degrees(
        cls,
        name: str,
        type_name: str,
        latitude_deg: float,
        longitude_deg: float,
        altitude_m: float,
        boresight_azimuth_deg: float,
        boresight_elevation_deg: float | None = None,
        **options: Any,
    ) -> "Radar":
        """A site of a catalog type, angles in degrees (boresight elevation: the type's tilt).

        ``options`` are the remaining fields (``faces``, ``min_elevation_rad``, ...).
        """
        types = radar_types()
        if type_name not in types:
            known = ", ".join(types)
            raise ValueError(f"radar type '{type_name}' is not in {DATA_FILE}; known: {known}.")
        kind = types[type_name]
        el = kind.boresight_elevation_rad
        if boresight_elevation_deg is not None:
            el = math.radians(boresight_elevation_deg)
        lat, lon = math.radians(latitude_deg), math.radians(longitude_deg)
        az = math.radians(boresight_azimuth_deg)
        return cls(name, lat, lon, altitude_m, az, el, kind, **options)

    @property
    def label(self) -> str:
        """``radar`` and the radar type's name (``radar uewr``)."""
        return f"radar {self.radar_type.name}"

    @property
    def report_latency_s(self) -> float:
        """Delay between an observation and its report, seconds (the type's)."""
        return float(max(self.radar_type.report_latency_s, RADAR_REPORT_LATENCY_S))

    @property
    def discrimination_class(self) -> str:
        """``radar_x_band`` for X-band radars, else ``radar_low_band``."""
        return "radar_x_band" if self.radar_type.band == "x" else "radar_low_band"

    @property
    def min_elevation(self) -> float:
        """Minimum elevation of detection, radians (the site's, else the type's; an
        airborne radar's is always its type's look-down limit, a skywave radar has none)."""
        if self.radar_type.platform == "skywave":
            return -math.pi / 2
        if self.min_elevation_rad is None or self.radar_type.platform == "airborne":
            return self.radar_type.min_elevation_rad
        return self.min_elevation_rad

    def site_frames(self, t_s: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """The site's ENU measurement frame at times ``(n_time,)`` (seconds).

        Returns
        -------
        origin_r_eci_m, origin_v_eci_m_s : (n_time, 3) float64, meters and m/s
        rotation : (n_time, 3, 3) float64
            Rows: east, north and up in ECI (ECI to ENU).
        """
        theta = self.theta0_rad + OMEGA_EARTH_RAD_S * np.asarray(t_s, dtype=np.float64)
        site = geodetic_to_ecef(self.latitude_rad, self.longitude_rad, self.altitude_m)
        r = ecef_to_eci(np.broadcast_to(site, (*theta.shape, 3)), theta)
        v = OMEGA_EARTH_RAD_S * np.stack([-r[:, 1], r[:, 0], np.zeros_like(theta)], axis=-1)
        axes = enu_axes_ecef(self.latitude_rad, self.longitude_rad)
        rotation = np.stack([ecef_to_eci(axis, theta) for axis in axes], axis=-2)
        return r, v, rotation

    def in_view(
        self, azimuth_rad: FloatArray, elevation_rad: FloatArray, mask: bool = True
    ) -> BoolArray:
        """Whether ENU directions ``(...)`` (radians) lie in a face's field of view (and,
        with ``mask``, at or above the minimum elevation)."""
        kind = self.radar_type
        el = np.asarray(elevation_rad, dtype=np.float64)
        u = aer_to_enu(azimuth_rad, el, 1.0)[..., None, :]  # (..., 1, 3)
        face_az = self.boresight_azimuth_rad + kind.face_spacing_rad * np.arange(self.faces)
        tilt = self.boresight_elevation_rad
        boresight = aer_to_enu(face_az, tilt, 1.0)
        right = np.stack([np.cos(face_az), -np.sin(face_az), np.zeros_like(face_az)], axis=-1)
        upward = aer_to_enu(face_az, tilt + math.pi / 2, 1.0)
        off_az = np.arctan2(np.sum(u * right, -1), np.sum(u * boresight, -1))
        off_el = np.arcsin(np.clip(np.sum(u * upward, -1), -1.0, 1.0))
        face = np.abs(off_az) <= kind.fov_half_azimuth_rad
        if kind.platform == "skywave":  # azimuth sector only: the ray comes over the horizon
            return np.asarray(np.any(face, axis=-1), dtype=np.bool_)
        face &= np.abs(off_el) <= kind.fov_half_elevation_rad
        above = el >= self.min_elevation if mask else True
        return np.asarray(np.any(face, axis=-1) & above, dtype=np.bool_)

    def reachable(self, r_eci_m: FloatArray, v_eci_m_s: FloatArray, rho_m: FloatArray,
                  origin_r_eci_m: FloatArray, elevation_rad: FloatArray) -> BoolArray:  # fmt: skip
        """Whether objects ``(n, 3)`` (ECI, in a face's field of view) can be seen from the
        site at ``origin_r_eci_m`` ``(n, 3)``, slant ranges ``rho_m`` and geometric ENU
        elevations ``elevation_rad`` ``(n,)``: the elevation mask, the radar horizon (or a
        skywave radar's ground-range band), the altitude limit and the clutter notch (see
        the module notes)."""
        return site_reach(
            self.radar_type, self.altitude_m, self.min_elevation, r_eci_m, v_eci_m_s, rho_m,
            origin_r_eci_m, elevation_rad,
        )  # fmt: skip

    def measure(
        self, scene: SceneObjects, rng: np.random.Generator, signature: IntArray | None = None
    ) -> Measurements:
        """Detections of the scene's objects over one frame schedule (see the module notes).

        Parameters
        ----------
        scene : SceneObjects
            Times strictly increasing; states NaN where an object does not exist (never
            detected there).
        rng : numpy.random.Generator
            Detection draws (one uniform per object and frame with an object alive), then
            measurement noise.
        signature : (n_object,) int64, optional
            Signature classes (:mod:`goldendome.sensors.signatures`) selecting each
            object's cross section; None: ``scene.kind``.

        Returns
        -------
        Measurements
            Rows ordered by time, then object; all four components measured.
        """
        return draw_measurements(self, self.view(scene, signature), rng)

    def view(self, scene: SceneObjects, signature: IntArray | None = None) -> RadarView:
        """The scene's geometry and detection probabilities in this radar's frames, before
        any draw (:func:`goldendome.sensors.radar_view.radar_view`); ``measure`` is
        :meth:`draw` of it."""
        return radar_view(self, scene, signature)

    def draw(self, view: RadarView, rng: np.random.Generator) -> Measurements:
        """The measurements of one draw of ``view`` (the same as ``measure`` with ``rng``)."""
        return draw_measurements(self, view, rng)

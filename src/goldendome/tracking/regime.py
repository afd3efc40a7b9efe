"""What a track is flying, read from its own state: ballistic, gliding or air-breathing.

The battle manager cannot ask the raid what an object is; it has the track. A track's state
(ECI position and velocity at a time) gives its geodetic altitude ``h``, its speed relative
to the rotating Earth ``v`` and its flight-path angle ``gamma`` (of that velocity above the
local horizontal, geocentric), and those tell the regimes apart:

* **air-breathing** (a cruise missile): ``h < 20 km``, ``v < 1 km/s`` and ``|gamma| < 10
  deg``: slow, low and level. A subsonic land-attack cruise missile flies at tens of metres
  to a few km at 200-300 m/s (the Kh-101 class at about 200 m/s, ``threat_classes.toml``);
  a reentry vehicle or decoy low down is fast or falls steeply.
* **glide** (a hypersonic glide vehicle in its glide): ``h >= 15 km``, ``1.5 km/s < v <
  7.5 km/s``, ``|gamma| < 5 deg`` and air dense enough to hold the vehicle up. A glider in
  equilibrium glide flies where its lift balances gravity less the centripetal term,
  ``rho v^2 / (2 w) = g - v^2 / r`` with ``w = m / (C_L S)`` its wing loading
  (C. Tracy and D. Wright, Science & Global Security 28:3, 2020; J. Acton, Science & Global
  Security 23:3, 2015): at 4.8 km/s that is about 45 km, at 7 km/s about 60 km (the
  catalog's gliders, ``threat_classes.toml``: ``beta = m / (C_D S)`` of 10,000-13,000
  kg/m^2 and ``L/D = 2.6``, so ``w = beta / (L/D)`` of 3,800-5,000 kg/m^2; gliders fly at
  about 40-60 km, Tracy & Wright 2020). A state is read as a glide where the US76 density
  at its altitude is at least :data:`GLIDE_DENSITY_MARGIN` times less than the
  equilibrium density of the lightest such glider (:func:`glide_density_ok`): a lighter
  vehicle, a skip above the equilibrium, or a tracker's altitude error is still read as
  gliding, and the ceiling this makes grows with speed, about 58 km at 4.8 km/s and 72
  km at 7 km/s. Above it the air cannot hold a glider up: the state is a body falling on
  its Keplerian path, ballistic (a depressed SLBM warhead at 96 km and 4.8 km/s is, so is
  a boost-glide missile's spent stage falling from its burnout). And an equilibrium glide
  is level: the sink rate is the speed loss times the slope of the equilibrium altitude
  with speed, ``gamma`` about -0.2 deg at 5 km/s for ``L/D = 2.6``; 5 deg leaves room for a
  tracker's velocity error and a pull-up, while a ballistic reentry vehicle crosses these
  altitudes at 20-40 deg below the horizontal (minimum-energy ICBMs about 20-25 deg;
  depressed arcs flatter: the russian-raid's depressed SLBM warheads cross 96 km at about
  -7 deg, steepening as they fall) and a spent stage falls through the glide band at
  about the glider's pull-up angle and steepening.
* **ballistic**: everything else (high up every object coasts, whatever it will do; a
  state below the ground, a track carried past its object's impact, reads nothing else).

Every threshold is a goldendome assumption (the equilibrium-glide balance is physics; the
wing loading, margin and angles are choices). Known ambiguities: a short-range ballistic
missile near a low apogee in dense air, or a spent stage passing nearly level through the
glide band near its apogee, reads as a glide; a glider's
steep terminal dive reads as ballistic (by then its track was read as a glide earlier; the
battle manager keeps the first non-ballistic reading, :mod:`goldendome.run.track_targets`).

**Threatened asset of a non-ballistic track** (:func:`path_threat`): no ballistic impact
prediction means anything for a vehicle that steers. The track's ground path is carried
ahead along its current heading on a great circle of the sphere (radius 6,371 km), and the
defended asset it threatens is the one nearest that path (least cross-track distance),
among those ahead of it within the regime's cross-track tolerance (plus the asset's
radius) and within its plausible reach along the path: for a glide, the equilibrium-glide
range from the track's speed, ``R = (L/D) (R_E / 2) ln(1 / (1 - v^2 / v_c^2))`` with
``v_c = sqrt(mu / r)`` and ``L/D = 2.6`` (the range formula of the boost-glide literature,
e.g. J. Acton, Science & Global Security 23:3, 2015; L/D as the catalog's [HGV] gliders);
for an air-breathing track a fixed 3,000 km (goldendome assumption, of the order of the
Kh-101 class's published 2,500-4,500 km). Tolerances (goldendome assumptions): 300 km for a
glide (gliders manoeuvre hundreds of km across their path, Tracy & Wright 2020), 100 km for a
cruise missile (its route may turn at waypoints the defense does not know).
"""

import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M
from goldendome.physics.frames import state_eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic


class Regime(IntEnum):
    """What a track flies (codes in arrays; the order of
    :data:`goldendome.interceptors.ground_based.TARGET_REGIMES`)."""

    BALLISTIC = 0
    GLIDE = 1
    AIR_BREATHING = 2

    @property
    def label(self) -> str:
        """``ballistic``, ``glide`` or ``air_breathing``."""
        return self.name.lower()


#: Largest |flight-path angle| of a level flier (cruise), rad (goldendome assumption).
LEVEL_FPA_RAD = math.radians(10.0)
#: Largest |flight-path angle| of a glide, rad (goldendome assumption: an equilibrium glide
#: sinks at a fraction of a degree; the rest is room for tracking error and a pull-up).
GLIDE_FPA_RAD = math.radians(5.0)
#: A glide: at or above this altitude (m) ...
GLIDE_MIN_ALTITUDE_M = 15e3
#: ... and faster than this (m/s, Earth-relative) ...
GLIDE_MIN_SPEED_M_S = 1_500.0
#: ... but slower than this (about orbital speed); goldendome assumptions.
GLIDE_MAX_SPEED_M_S = 7_500.0
#: Lightest wing loading ``m / (C_L S)`` of a glider, kg/m^2: the catalog's lightest
#: glider, beta = 10,000 kg/m^2 over L/D = 2.6 (threat_classes.toml; goldendome estimates
#: of the order of Tracy & Wright 2020's).
GLIDE_WING_LOADING_KG_M2 = 10_000.0 / 2.6
#: A glide needs the air at least this many times less dense than its equilibrium (a
#: factor 5 is about 11 km of altitude above the equilibrium glide; goldendome assumption).
GLIDE_DENSITY_MARGIN = 5.0
#: Altitude above which nothing glides at any speed (m): the glide ceiling at
#: GLIDE_MAX_SPEED_M_S is about 78 km; kept as a bound for callers (goldendome assumption).
GLIDE_MAX_ALTITUDE_M = 100e3
#: Air-breathing: below this altitude (m) ...
AIR_MAX_ALTITUDE_M = 20e3
#: ... and slower than this (m/s); goldendome assumptions.
AIR_MAX_SPEED_M_S = 1_000.0
#: Lift-to-drag ratio of the glide reach (threat_classes.toml [HGV], Acton 2015).
GLIDE_LIFT_TO_DRAG = 2.6
#: Reach of an air-breathing track along its path, m (goldendome assumption).
AIR_REACH_M = 3_000e3
#: Cross-track tolerance by regime (ballistic unused), m (goldendome assumptions).
CROSS_TRACK_M = np.array([0.0, 300e3, 100e3])


@dataclass(frozen=True)
class FlightState:
    """What a set of track states say of their flight (all ``(n,)`` float64).

    Attributes
    ----------
    altitude_m : geodetic altitude, m
    speed_m_s : speed relative to the rotating Earth, m/s
    fpa_rad : flight-path angle of that velocity above the local horizontal (geocentric)
    up, heading : (n, 3) unit vectors, Earth-fixed: the geocentric vertical and the
        horizontal direction of flight (NaN where the track does not move horizontally)
    radius_m : distance from the Earth's centre, m
    """

    altitude_m: FloatArray
    speed_m_s: FloatArray
    fpa_rad: FloatArray
    up: FloatArray
    heading: FloatArray
    radius_m: FloatArray


def flight_state(x_eci: ArrayLike, theta_rad: ArrayLike) -> FlightState:
    """Altitude, Earth-relative speed, flight-path angle and heading of track states.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s
        ECI states.
    theta_rad : (n,) float64 or float, radians
        Earth rotation angle at each state's time.

    Returns
    -------
    FlightState
    """
    x = np.asarray(x_eci, np.float64).reshape(-1, 6)
    theta = np.broadcast_to(np.asarray(theta_rad, np.float64), x.shape[:1])
    fixed = state_eci_to_ecef(x, theta)
    r, v = fixed[:, :3], fixed[:, 3:]
    _, _, altitude = ecef_to_geodetic(r)
    radius = np.linalg.norm(r, axis=-1)
    up = r / radius[:, None]
    speed = np.linalg.norm(v, axis=-1)
    climb = np.sum(v * up, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        fpa = np.arcsin(np.clip(climb / speed, -1.0, 1.0))
        level = v - climb[:, None] * up
        heading = level / np.linalg.norm(level, axis=-1, keepdims=True)
    return FlightState(np.asarray(altitude, np.float64), speed, fpa, up, heading, radius)


def classify_regime(x_eci: ArrayLike, theta_rad: ArrayLike) -> IntArray:
    """The regime of each track state by the rules of the module docstring.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s
    theta_rad : (n,) float64 or float, radians

    Returns
    -------
    (n,) int64
        :class:`Regime` codes; NaN states are ballistic (nothing says otherwise).
    """
    f = flight_state(x_eci, theta_rad)
    flying = f.altitude_m >= 0.0  # not a state carried below the ground
    level = (np.abs(f.fpa_rad) < LEVEL_FPA_RAD) & flying
    air = level & (f.altitude_m < AIR_MAX_ALTITUDE_M) & (f.speed_m_s < AIR_MAX_SPEED_M_S)
    flat = (np.abs(f.fpa_rad) < GLIDE_FPA_RAD) & (f.altitude_m >= GLIDE_MIN_ALTITUDE_M)
    fast = (f.speed_m_s > GLIDE_MIN_SPEED_M_S) & (f.speed_m_s < GLIDE_MAX_SPEED_M_S)
    glide = flat & fast & glide_density_ok(f.altitude_m, f.speed_m_s, f.radius_m)
    out = np.full(f.speed_m_s.shape, int(Regime.BALLISTIC), np.int64)
    out[glide] = Regime.GLIDE
    out[air] = Regime.AIR_BREATHING
    return out


def glide_density_ok(altitude_m: ArrayLike, speed_m_s: ArrayLike, radius_m: ArrayLike) -> BoolArray:
    """Whether the air is dense enough for a glider to hold its altitude at its speed.

    Equilibrium glide (module docstring): ``rho_eq = 2 w (g - v^2 / r) / v^2`` with
    ``g = mu / r^2`` and ``w`` = :data:`GLIDE_WING_LOADING_KG_M2`; the state qualifies where
    the US76 density at its altitude is at least ``rho_eq / GLIDE_DENSITY_MARGIN`` and it is
    below :data:`GLIDE_MAX_ALTITUDE_M`.

    Parameters
    ----------
    altitude_m : (...) float64, meters (geodetic; NaN: False)
    speed_m_s : (...) float64, m/s, relative to the rotating Earth
    radius_m : (...) float64, meters, from the Earth's centre

    Returns
    -------
    (...) bool
    """
    h = np.asarray(altitude_m, np.float64)
    v = np.asarray(speed_m_s, np.float64)
    r = np.asarray(radius_m, np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        need = 2.0 * GLIDE_WING_LOADING_KG_M2 * (MU_EARTH_M3_S2 / r**2 - v**2 / r) / v**2
        have = us76_density_kg_m3(np.clip(h, 0.0, GLIDE_MAX_ALTITUDE_M))
        ok = (have * GLIDE_DENSITY_MARGIN >= need) & (h < GLIDE_MAX_ALTITUDE_M)
    return np.asarray(ok, np.bool_)


def plausible_reach_m(regime: ArrayLike, speed_m_s: ArrayLike, radius_m: ArrayLike) -> FloatArray:
    """How far along its path a track in ``regime`` may still fly (m; 0 for ballistic).

    A glide's reach is the equilibrium-glide range from its speed (module docstring; inf at
    or above the circular speed ``sqrt(mu / r)``), an air-breathing track's
    :data:`AIR_REACH_M`.
    """
    code = np.asarray(regime, np.int64)
    v = np.asarray(speed_m_s, np.float64)
    ratio = v**2 * np.asarray(radius_m, np.float64) / MU_EARTH_M3_S2  # (v / v_circular)^2
    with np.errstate(divide="ignore", invalid="ignore"):
        glide = GLIDE_LIFT_TO_DRAG * 0.5 * R_EARTH_MEAN_M * -np.log1p(-np.minimum(ratio, 1.0))
    reach = np.where(code == Regime.GLIDE, glide, 0.0)
    return np.asarray(np.where(code == Regime.AIR_BREATHING, AIR_REACH_M, reach), np.float64)


def path_threat(
    x_eci: ArrayLike,
    theta_rad: ArrayLike,
    regime: ArrayLike,
    asset_lat_rad: ArrayLike,
    asset_lon_rad: ArrayLike,
    asset_radius_m: ArrayLike,
) -> IntArray:
    """The defended asset each non-ballistic track's ground path threatens (-1: none).

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s
        The tracks' states.
    theta_rad : (n,) float64 or float, radians
        Earth rotation angle at each state's time.
    regime : (n,) int64
        :class:`Regime` codes of the states (ballistic ones threaten nothing here).
    asset_lat_rad, asset_lon_rad, asset_radius_m : (n_asset,) float64
        The defended assets (geocentric and geodetic latitude are not told apart: the
        tolerances are hundreds of km).

    Returns
    -------
    (n,) int64
        The asset ahead within reach and tolerance with the least cross-track distance.
    """
    code = np.asarray(regime, np.int64)
    lat = np.asarray(asset_lat_rad, np.float64)
    lon = np.asarray(asset_lon_rad, np.float64)
    if lat.size == 0 or code.size == 0:
        return np.full(code.shape, -1, np.int64)
    f = flight_state(x_eci, theta_rad)
    a = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)
    normal = np.cross(f.up, f.heading)  # pole of the great circle the track flies along
    cross = R_EARTH_MEAN_M * np.arcsin(np.clip(normal @ a.T, -1.0, 1.0))  # (n, n_asset)
    along = R_EARTH_MEAN_M * np.arctan2(f.heading @ a.T, f.up @ a.T)
    reach = plausible_reach_m(code, f.speed_m_s, f.radius_m)[:, None]
    radius = np.asarray(asset_radius_m, np.float64)
    tol = CROSS_TRACK_M[code][:, None] + radius
    ok = (np.abs(cross) <= tol) & (along >= -radius) & (along <= reach + radius)
    ok &= (code != Regime.BALLISTIC)[:, None]
    score = np.where(ok, np.abs(cross), np.inf)
    best = np.argmin(score, axis=-1)
    found = np.isfinite(np.take_along_axis(score, best[:, None], -1)[:, 0])
    return np.where(found, best, -1).astype(np.int64)

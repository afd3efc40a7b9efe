"""Hypersonic boost-glide vehicles: boost, pull-up, equilibrium glide with turns, terminal dive.

The model of the open literature (J. Acton, Science & Global Security 23, 2015; C. Tracy &
D. Wright, Science & Global Security 28, 2020), at its simplest consistent level:

* **boost** by the class's booster, on a depressed arc (burnout flight-path angle
  :data:`BOOST_FPA_RAD`), then a ballistic coast of the glider;
* **pull-up** where, on the way down, the air first becomes dense enough for equilibrium
  glide at the current speed; the flight-path angle is then set to zero at constant speed
  (the short pull-up manoeuvre's loss is neglected);
* **equilibrium glide**: lift balances gravity less the centrifugal term, L cos(bank) =
  m (g - v^2/r), and drag is L / (L/D), so dv/dt = -(g - v^2/r) / (cos(bank) L/D); the bank
  turns the heading toward the target at rate (g - v^2/r) tan(bank) / v (a cross-range turn
  costs speed through the cos(bank) term); the altitude is where the US76 density gives
  that lift: rho = 2 beta (g - v^2/r) / (cos(bank) (L/D) v^2), with beta = m / (Cd A);
* **terminal dive** at :data:`DIVE_ANGLE_RAD` from the glide altitude onto the target.

The glide runs relative to the rotating Earth (Coriolis and centripetal terms of the rotation
are neglected, a few percent of the lift at these speeds); its speed never grows, so the
vehicle may fall short: then it dives where its speed drops below :data:`END_SPEED_M_S`.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray
from goldendome.physics.atmosphere import us76_log_density_table
from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M
from goldendome.physics.geodesy import (
    great_circle_azimuth_rad,
    great_circle_destination,
    great_circle_distance_m,
)
from goldendome.threats import _glide_kernel
from goldendome.threats._threads import threads_for
from goldendome.threats.classes import BallisticClass

#: Burnout flight-path angle of the boost, radians (goldendome assumption: a depressed boost,
#: as boost-glide systems fly; Tracy & Wright 2020 use burnout angles of a few degrees).
BOOST_FPA_RAD = np.radians(5.0)
#: Speed at which the glide arrives over its target; thrust is cut off to arrive at it
#: (goldendome assumption: about Mach 8, leaving energy for the terminal dive).
ARRIVAL_SPEED_M_S = 2_500.0
#: Steepest bank in turns, radians, and the gain from heading error to bank.
MAX_BANK_RAD = np.radians(45.0)
BANK_GAIN = 2.0
#: Terminal dive angle below the horizontal, radians (goldendome assumption).
DIVE_ANGLE_RAD = np.radians(45.0)
#: Speed below which the glide cannot be held and the vehicle dives, m/s.
END_SPEED_M_S = 1_500.0
#: Glide integration step, s.
GLIDE_STEP_S = 1.0


@dataclass(frozen=True)
class GlideClass:
    """A boost-glide class: its booster (payload = the glide vehicle) and the glider."""

    booster: BallisticClass
    glide_vehicle_mass_kg: float
    lift_to_drag: float
    glide_ballistic_coefficient_kg_m2: float
    max_range_m: float


@dataclass(frozen=True)
class GlideTrack:
    """The glide phase of ``n`` vehicles, sampled every :data:`GLIDE_STEP_S`.

    Attributes
    ----------
    t_s : (n, n_step) float64, scenario seconds (NaN after the glide ends)
    lat_rad, lon_rad, altitude_m, speed_m_s, heading_rad, bank_rad : (n, n_step) float64
    end_t_s : (n,) float64, when the dive starts
    impact_t_s : (n,) float64
    impact_lat_rad, impact_lon_rad : (n,) float64
    reached : (n,) bool; False when the vehicle ran out of speed short of its target
    """

    t_s: FloatArray
    lat_rad: FloatArray
    lon_rad: FloatArray
    altitude_m: FloatArray
    speed_m_s: FloatArray
    heading_rad: FloatArray
    bank_rad: FloatArray
    end_t_s: FloatArray
    impact_t_s: FloatArray
    impact_lat_rad: FloatArray
    impact_lon_rad: FloatArray
    reached: BoolArray


def equilibrium_altitude_m(
    speed_m_s: ArrayLike,
    bank_rad: ArrayLike,
    lift_to_drag: float,
    beta_kg_m2: float,
    altitude_guess_m: ArrayLike = 40e3,
) -> FloatArray:
    """Altitude of equilibrium glide: where US76 density gives the lift the speed needs.

    Parameters
    ----------
    speed_m_s, bank_rad : (...) float64
    lift_to_drag, beta_kg_m2 : float
        L/D and beta = m / (Cd A).
    altitude_guess_m : (...) float64
        Where to evaluate gravity and the radius (one fixed-point refinement follows).

    Returns
    -------
    (...) float64, meters (NaN when the speed is above orbital speed)
    """
    ln_rho, dz = us76_log_density_table()
    v = np.asarray(speed_m_s, np.float64)
    old = np.seterr(invalid="ignore", divide="ignore")
    h = np.broadcast_to(np.asarray(altitude_guess_m, np.float64), v.shape).copy()
    for _ in range(2):
        r = R_EARTH_MEAN_M + h
        need = MU_EARTH_M3_S2 / r**2 - v * v / r
        rho = 2.0 * beta_kg_m2 * need / (np.cos(bank_rad) * lift_to_drag * v * v)
        with np.errstate(invalid="ignore", divide="ignore"):
            h = np.interp(-np.log(rho), -ln_rho, np.arange(ln_rho.size) * dz)
        h = np.where(need > 0, h, np.nan)
    np.seterr(**old)
    return h


def glide(
    vehicle: GlideClass,
    t0_s: ArrayLike,
    lat_rad: ArrayLike,
    lon_rad: ArrayLike,
    heading_rad: ArrayLike,
    speed_m_s: ArrayLike,
    target_lat_rad: ArrayLike,
    target_lon_rad: ArrayLike,
    max_steps: int = 20_000,
    *,
    ends_only: bool = False,
) -> GlideTrack:
    """Glide ``n`` vehicles from their pull-up points to their targets (arrays over n).

    Parameters
    ----------
    vehicle : GlideClass
    t0_s, lat_rad, lon_rad, heading_rad, speed_m_s : (n,) float64
        Pull-up time (scenario s), point (radians), heading (radians from north) and speed
        relative to the Earth (m/s).
    target_lat_rad, target_lon_rad : (n,) float64
    ends_only : bool
        Keep only each glide's first and last samples (``n_step`` = 2; the glide's end and
        impact are the same): for searches that look at nothing else.
    """
    t = np.array(t0_s, np.float64, ndmin=1)
    n = t.shape[0]
    lat, lon, psi, v = (
        np.broadcast_to(np.asarray(x, np.float64), (n,)).copy()
        for x in (lat_rad, lon_rad, heading_rad, speed_m_s)
    )
    tlat, tlon = (
        np.broadcast_to(np.asarray(x, np.float64), (n,)) for x in (target_lat_rad, target_lon_rad)
    )
    ld, beta = vehicle.lift_to_drag, vehicle.glide_ballistic_coefficient_kg_m2
    ln_rho, dz = us76_log_density_table()
    params = np.array([BANK_GAIN, MAX_BANK_RAD, np.tan(DIVE_ANGLE_RAD), END_SPEED_M_S,
                       GLIDE_STEP_S])  # fmt: skip
    with threads_for(n):
        samples, _, end_t, reached = _glide_kernel.glide_all(
            t, lat, lon, psi, v, np.ascontiguousarray(tlat), np.ascontiguousarray(tlon),
            float(ld), float(beta), np.ascontiguousarray(-np.asarray(ln_rho)),
            np.arange(np.asarray(ln_rho).size) * float(dz), params, max_steps, ends_only,
        )  # fmt: skip
    stacked = [samples[..., k] for k in range(7)]
    last = (np.isfinite(stacked[0])).sum(axis=1) - 1
    idx = np.arange(n)
    h_end, v_end = stacked[3][idx, last], stacked[4][idx, last]
    dive_ground = h_end / np.tan(DIVE_ANGLE_RAD)
    lat_e, lon_e, psi_e = stacked[1][idx, last], stacked[2][idx, last], stacked[5][idx, last]
    aim = np.where(reached, great_circle_azimuth_rad(lat_e, lon_e, tlat, tlon), psi_e)
    dist = np.where(reached, great_circle_distance_m(lat_e, lon_e, tlat, tlon), dive_ground)
    imp_lat, imp_lon = great_circle_destination(lat_e, lon_e, aim, dist)
    with np.errstate(invalid="ignore", divide="ignore"):
        impact_t = end_t + np.hypot(dist, h_end) / v_end
    t_s, lat_s, lon_s, h_s, v_s, psi_s, bank_s = stacked
    return GlideTrack(
        t_s=t_s,
        lat_rad=lat_s,
        lon_rad=lon_s,
        altitude_m=h_s,
        speed_m_s=v_s,
        heading_rad=psi_s,
        bank_rad=bank_s,
        end_t_s=end_t,
        impact_t_s=impact_t,
        impact_lat_rad=np.asarray(imp_lat),
        impact_lon_rad=np.asarray(imp_lon),
        reached=reached,
    )

"""Boost-glide vehicles: where the glide starts, its glide and dive as ECI states on a time
grid, and glides shifted in time.

The glide kernel (:func:`goldendome.threats.glide.glide`) samples each glide every
:data:`~goldendome.threats.glide.GLIDE_STEP_S` from its pull-up; a raid asks for the states on
the scenario grid, where most samples of a vehicle lie before its pull-up or after its
impact. The states are therefore worked out only at the samples inside each glide and dive
(each computed exactly as on the whole grid: the interpolation and the frame changes act
sample by sample).
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci, state_eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.physics.topocentric import enu_axes_ecef
from goldendome.threats.glide import GlideClass, GlideTrack, equilibrium_altitude_m


def pullup_point(
    vehicle: GlideClass, t: FloatArray, y_eci: FloatArray, apogee_t: FloatArray, theta0: float
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """First sample after apogee where the air holds equilibrium glide: time, lat, lon,
    heading and Earth-relative speed, each (n,)."""
    x = state_eci_to_ecef(y_eci, theta0 + OMEGA_EARTH_RAD_S * t[None, :])
    lat, lon, h = ecef_to_geodetic(x[..., :3])
    east, north, _ = enu_axes_ecef(lat, lon)
    v = x[..., 3:]
    speed = np.linalg.norm(v, axis=-1)
    descending = (t[None, :] > apogee_t[:, None]) | np.isnan(apogee_t)[:, None]
    with np.errstate(invalid="ignore"):
        ok = descending & (
            h
            <= equilibrium_altitude_m(
                speed, 0.0, vehicle.lift_to_drag, vehicle.glide_ballistic_coefficient_kg_m2, h
            )
        )
    first = np.argmax(ok, axis=1)
    found = ok.any(axis=1)  # no pull-up: the glider came down (or is still up) without one
    rows = np.arange(len(first))
    heading = np.arctan2(np.sum(v * east, -1), np.sum(v * north, -1))[rows, first]
    nan = np.where(found, 0.0, np.nan)
    return (
        t[first] + nan,
        lat[rows, first] + nan,
        lon[rows, first] + nan,
        np.mod(heading, 2 * np.pi) + nan,
        speed[rows, first] + nan,
    )


def shifted(track: GlideTrack, copy: IntArray, dt: FloatArray) -> GlideTrack:
    """The glides ``copy`` of ``track``, each later by ``dt`` (s), ``(n,)``."""
    return GlideTrack(
        track.t_s[copy] + dt[:, None],
        track.lat_rad[copy],
        track.lon_rad[copy],
        track.altitude_m[copy],
        track.speed_m_s[copy],
        track.heading_rad[copy],
        track.bank_rad[copy],
        track.end_t_s[copy] + dt,
        track.impact_t_s[copy] + dt,
        track.impact_lat_rad[copy],
        track.impact_lon_rad[copy],
        track.reached[copy],
    )


def glide_states(track: GlideTrack, t_out: FloatArray, theta0: float) -> FloatArray:
    """ECI states of the glide and dive at ``t_out`` (NaN outside them).

    Parameters
    ----------
    track : GlideTrack
        ``n`` glides; each one's finite samples come first (NaN after its end).
    t_out : (n_time,) float64, scenario seconds, increasing
    theta0 : float
        Earth rotation angle at scenario time 0, radians.

    Returns
    -------
    (n, n_time, 6) float64, meters and m/s
    """
    n, m = track.t_s.shape[0], t_out.shape[0]
    ok = np.isfinite(track.t_s)
    rows = np.arange(n)
    n_ok = ok.sum(axis=1)
    first, last = track.t_s[:, 0], track.t_s[rows, n_ok - 1]
    in_glide = (t_out[None, :] >= first[:, None]) & (t_out[None, :] <= last[:, None])
    in_dive = (t_out[None, :] > last[:, None]) & (t_out[None, :] <= track.impact_t_s[:, None])
    # Longitude and heading unwrapped along each glide (its NaN tail stays NaN).
    lon_u = np.unwrap(track.lon_rad, axis=1)
    psi_u = np.unwrap(track.heading_rad, axis=1)
    series = (track.lat_rad, lon_u, track.altitude_m, track.speed_m_s, psi_u)
    gliding: BoolArray = np.any(in_glide, axis=1)
    # Each vehicle's glide samples, and (for one whose glide falls between grid samples) the
    # grid's first sample, where the dive starts from.
    parts: list[list[FloatArray]] = [[] for _ in series]
    at = [t_out[in_glide[i]] if gliding[i] else t_out[:1] for i in range(n)]
    for i in range(n):
        k = n_ok[i]
        ts = track.t_s[i, :k]
        for part, values in zip(parts, series, strict=True):
            part.append(np.interp(at[i], ts, values[i, :k]))
    lat, lon, h, v, psi = (np.concatenate(p) if n else np.zeros(0) for p in parts)
    r = geodetic_to_ecef(lat, lon, h)
    east, north, _ = enu_axes_ecef(lat, lon)
    vel = v[..., None] * (np.sin(psi)[..., None] * east + np.cos(psi)[..., None] * north)
    # The dive: a straight line from the glide's last grid sample (or the glide's start) to
    # the impact point.
    counts = np.array([a.shape[0] for a in at], dtype=np.int64)
    start = r[np.cumsum(counts) - 1] if n else np.zeros((0, 3))
    end = geodetic_to_ecef(track.impact_lat_rad, track.impact_lon_rad, np.zeros(n))
    span = np.maximum(track.impact_t_s - last, 1e-9)
    dive_v = (end - start) / span[:, None]
    di, dj = np.nonzero(in_dive)
    frac = np.clip((t_out[dj] - last[di]) / span[di], 0.0, 1.0)
    dive_r = start[di] + frac[:, None] * (end - start)[di]
    gi, gj = np.nonzero(in_glide)
    keep_glide = np.repeat(gliding, counts)
    theta = theta0 + OMEGA_EARTH_RAD_S * t_out
    out = np.full((n, m, 6), np.nan)
    x_glide = np.concatenate([r[keep_glide], vel[keep_glide]], axis=-1)
    out[gi, gj] = state_ecef_to_eci(x_glide, theta[gj])
    x_dive = np.concatenate([dive_r, dive_v[di]], axis=-1)
    out[di, dj] = state_ecef_to_eci(x_dive, theta[dj])
    return out

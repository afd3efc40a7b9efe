"""Boost-glide vehicles in a raid: the booster as one of the raid's missiles, the glider as
the one warhead-carrying object it releases.

:func:`goldendome.threats.boost_glide.fly_hgv` gives each vehicle's whole path (boost and
coast in the flight kernel, equilibrium glide with its turns, straight dive onto the
target). In a raid the booster is a missile like any other until burnout (its thrust cut
off where the glide needs it), and then two things fly on: its spent stage, and the glider,
released at burnout (no bus, no decoys), which coasts to its pull-up, glides and dives.
The missile's own flight after burnout is the glider's path, so the raid's tables give the
glide's impact point and time; its apogee is that of the coast before the pull-up, and it
has no reentry event (a glider never leaves the upper atmosphere to come back into it).
"""

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci, state_eci_to_ecef
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.threats.boost_glide import HgvFlight
from goldendome.threats.deployment import Deployment
from goldendome.threats.flight import BURNOUT, IMPACT, REENTRY, Flight
from goldendome.threats.groups import put_flights, take_flights

__all__ = [
    "concat_deployments",
    "concat_flights",
    "glide_missile_flight",
    "glider_flight",
    "put_flights",
    "take_flights",
]


def _impact_states(hgv: HgvFlight, theta0_rad: float) -> FloatArray:
    """ECI states at impact, (n, 6): on the ground at the impact point, with the velocity of
    the last sample before it."""
    n = hgv.impact_t_s.shape[0]
    r = geodetic_to_ecef(hgv.impact_lat_rad, hgv.impact_lon_rad, np.zeros(n))
    x_ecef = np.concatenate([r, np.zeros((n, 3))], axis=-1)
    x = state_ecef_to_eci(x_ecef, theta0_rad + OMEGA_EARTH_RAD_S * hgv.impact_t_s)
    y = hgv.y_eci
    finite = np.isfinite(y[..., 0])
    last = np.where(finite.any(axis=1), finite.shape[1] - 1 - np.argmax(finite[:, ::-1], axis=1), 0)
    x[:, 3:] = y[np.arange(n), last, 3:]
    return np.asarray(x, np.float64)


def glide_missile_flight(missiles: Flight, hgv: HgvFlight) -> Flight:
    """The boosters' flights (flown as the raid's missiles on the same grid as ``hgv``) with
    the glide in place of the ballistic coast after burnout, and the glide's impact.

    Parameters
    ----------
    missiles : Flight
        The boosters, ``n`` of them, flown on ``hgv.t_s`` with the launches ``hgv.launches``.
    hgv : HgvFlight

    Returns
    -------
    Flight
    """
    y = hgv.y_eci.copy()
    event_t = missiles.event_t_s.copy()
    event_x = missiles.event_x_eci.copy()
    event_t[:, REENTRY] = np.nan
    event_x[:, REENTRY] = np.nan
    event_t[:, IMPACT] = hgv.impact_t_s
    event_x[:, IMPACT] = _impact_states(hgv, missiles.theta0_rad)
    status = np.where(np.isfinite(hgv.impact_t_s), 0, 1).astype(np.int64)
    return Flight(
        missiles.start_lat_rad, missiles.start_lon_rad, missiles.t_start_s, missiles.physics,
        missiles.theta0_rad, missiles.t_s, y, event_t, event_x, status, missiles.x_start_eci,
    )  # fmt: skip


def glider_flight(missiles: Flight) -> Flight:
    """Each glider as a released object: the missile's flight from burnout on.

    Parameters
    ----------
    missiles : Flight
        The glide missiles' flights (:func:`glide_missile_flight`), on the scenario grid.

    Returns
    -------
    Flight
        Starting at burnout; NaN before it.
    """
    burnout = missiles.event_t_s[:, BURNOUT]
    y = np.where((missiles.t_s[None, :] < burnout[:, None])[..., None], np.nan, missiles.y_eci)
    lat, lon = missiles.surface_point(
        state_eci_to_ecef(missiles.event_x_eci[:, BURNOUT], missiles.theta_rad(burnout))[:, :3]
    )
    event_t = missiles.event_t_s.copy()
    event_t[:, BURNOUT] = np.nan
    event_x = missiles.event_x_eci.copy()
    event_x[:, BURNOUT] = np.nan
    return Flight(
        lat, lon, burnout, missiles.physics, missiles.theta0_rad, missiles.t_s,
        np.ascontiguousarray(y), event_t, event_x, missiles.status.copy(),
        missiles.event_x_eci[:, BURNOUT].copy(),
    )  # fmt: skip


def concat_flights(parts: list[Flight]) -> Flight:
    """Flights on one grid, one after the other along the object axis (at least one part)."""
    first = parts[0]
    cat = [np.concatenate([getattr(p, name) for p in parts]) for name in
           ("start_lat_rad", "start_lon_rad", "t_start_s")]  # fmt: skip
    return Flight(
        cat[0], cat[1], cat[2], first.physics, first.theta0_rad, first.t_s,
        np.concatenate([p.y_eci for p in parts]), np.concatenate([p.event_t_s for p in parts]),
        np.concatenate([p.event_x_eci for p in parts]), np.concatenate([p.status for p in parts]),
        np.concatenate([p.x_start_eci for p in parts]),
    )  # fmt: skip


def concat_deployments(parts: list[Deployment]) -> Deployment:
    """Released objects of several deployments, one after the other (at least one part)."""
    missile: IntArray = np.concatenate([p.missile for p in parts])
    kind: IntArray = np.concatenate([p.kind for p in parts])
    release: FloatArray = np.concatenate([p.release_t_s for p in parts])
    return Deployment(missile, kind, release, concat_flights([p.flight for p in parts]))

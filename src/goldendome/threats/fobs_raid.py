"""Fractional orbits in a raid: the booster as one of the raid's missiles, the warhead as the
object its orbital stage releases at the braking burn.

:func:`goldendome.threats.fobs.fly_fobs` gives each vehicle's whole path. In a raid the
booster is a missile like any other until burnout; then two things fly on: its spent stage,
and the orbital stage, which is the missile's payload (the "bus" of a ballistic missile) and
carries its warheads round the orbit. At the braking burn it releases them; from then on
they are ballistic reentry vehicles like any other (its tracks before are orbital). The
missile's own flight after burnout is the orbital stage's and then the warhead's, so the
raid's tables give the impact point and time; its apogee is its orbit (the state at insertion,
the circular orbit's altitude) and its reentry is the warhead's.
"""

import numpy as np

from goldendome.physics.kinds import ObjectKind
from goldendome.threats.deployment import Deployment
from goldendome.threats.flight import APOGEE, BURNOUT, Flight
from goldendome.threats.fobs import FobsFlight
from goldendome.threats.glide_raid import concat_flights, take_flights

__all__ = ["fobs_deployment", "fobs_missile_flight"]


def fobs_missile_flight(missiles: Flight, fobs: FobsFlight) -> Flight:
    """The boosters' flights (flown as the raid's missiles on ``fobs.t_s``) with the orbit and
    the descent in place of the ballistic coast after burnout.

    Parameters
    ----------
    missiles : Flight
        The boosters, ``n`` of them, flown with the launches ``fobs.launches``.
    fobs : FobsFlight

    Returns
    -------
    Flight
    """
    event_t = fobs.descent.event_t_s.copy()
    event_x = fobs.descent.event_x_eci.copy()
    event_t[:, BURNOUT] = missiles.event_t_s[:, BURNOUT]
    event_x[:, BURNOUT] = missiles.event_x_eci[:, BURNOUT]
    event_t[:, APOGEE] = fobs.burnout_t_s
    event_x[:, APOGEE] = fobs.orbit_x_eci
    return Flight(
        missiles.start_lat_rad, missiles.start_lon_rad, missiles.t_start_s, missiles.physics,
        missiles.theta0_rad, missiles.t_s, fobs.y_eci.copy(), event_t, event_x,
        fobs.descent.status.copy(), missiles.x_start_eci,
    )  # fmt: skip


def fobs_deployment(missile: np.ndarray, fobs: FobsFlight, rv_count: np.ndarray) -> Deployment:
    """The warheads the orbital stages release at their braking burns: ``rv_count[i]`` of
    missile ``missile[i]``, each on that vehicle's descent."""
    rows = np.repeat(np.arange(missile.shape[0]), rv_count)
    flights = take_flights(fobs.descent, rows)
    return Deployment(
        np.asarray(missile[rows], np.int64),
        np.full(rows.size, int(ObjectKind.RV), np.int64),
        fobs.deorbit_t_s[rows].copy(),
        concat_flights([flights]),
    )

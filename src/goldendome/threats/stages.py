"""Spent upper stages: what is left of each missile after burnout, flown on to impact.

At burnout the post-boost vehicle (the bus, with the reentry vehicles and decoys aboard)
separates from the missile's last stage, and the stage, a burnt-out motor case several
meters long, flies on beside it. It is the largest and brightest object of the threat
complex, so every sensor that sees the bus sees the stage too, and a tracker that followed
the missile through its boost follows one of the two. Leaving it out would score a track
that follows the missile through burnout as a track on nothing.

The stage is pushed back from the bus at separation (retro motors or springs) with
:data:`RETRO_M_S` against its velocity plus a small random velocity (:data:`DISPERSION_M_S`
per axis, 1-sigma), then flies unpowered on its own ballistic coefficient
(:data:`BETA_KG_M2`): a tumbling empty case, light for its size, so it slows and breaks away
from the reentry vehicles on reentry. All three are goldendome assumptions of the right
order, not published figures: the open literature (Sessler et al., *Countermeasures*,
UCS/MIT 2000; the APS 2003 boost-phase study) describes the spent stage as a large object
that separates slowly from the payload, without numbers for these missiles.
"""

from dataclasses import replace

import numpy as np

from goldendome.physics._types import ArrayLike, IntArray
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.threats._flight_kernel import DENSE_AIR_M, STATUS_FLYING
from goldendome.threats.ballistic import FlightPhysics, StepSizes
from goldendome.threats.flight import BURNOUT, Flight, fly_bodies
from goldendome.threats.groups import concatenate_flights, take_flights

#: Separation speed of the stage from the bus, backward along the velocity, m/s
#: (goldendome assumption).
RETRO_M_S = 5.0
#: 1-sigma random separation velocity per axis, m/s (goldendome assumption).
DISPERSION_M_S = 0.5
#: Ballistic coefficient m / (Cd A) of a tumbling spent upper stage, kg/m^2: about 1.5 t of
#: empty case over 3 m^2 (goldendome assumption).
BETA_KG_M2 = 500.0
#: Step of a stage that burns out in the air (below the kernel's ``DENSE_AIR_M``, as a
#: boost-glide booster does, near 95 km) through its fall, s: the kernel steps 0.2 s below
#: 120 km, so its whole fall would be stepped so. A light, slow body: on the 1,000-missile
#: mixed raid's 300 glider stages (benchmarks/test_mixed_raid.py) 1 s moves the impact points
#: by at most 0.27 m and the states on the scenario grid by at most 0.37 m against 0.2 s.
LOW_STAGE_STEP_S = 1.0


def fly_stages(
    missiles: Flight,
    rng: np.random.Generator,
    t_out_s: ArrayLike | None = None,
    *,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
) -> Flight:
    """Separate each missile's spent stage at burnout and fly it to impact.

    Parameters
    ----------
    missiles : Flight
        The missiles' flights (their burnout states and times are used).
    rng : numpy.random.Generator
        Source of the separation dispersions, ``(n_missile, 3)`` normal draws.
    t_out_s : (n_time,) float64, optional
        Times at which to store the stages' states.
    physics, steps
        As for :func:`goldendome.threats.flight.fly_bodies`.

    Returns
    -------
    Flight
        One stage per missile, in missile order, from its burnout on (NaN before).
    """
    x = missiles.event_x_eci[:, BURNOUT].copy()
    t_burnout = missiles.event_t_s[:, BURNOUT]
    speed = np.linalg.norm(x[:, 3:], axis=-1, keepdims=True)
    along = np.divide(x[:, 3:], speed, out=np.zeros_like(x[:, 3:]), where=speed > 0)
    x[:, 3:] += -RETRO_M_S * along + DISPERSION_M_S * rng.normal(size=(x.shape[0], 3))
    # Missiles with no burnout (cruise missiles) have no stage: their rows stay empty (NaN,
    # still "flying") rather than stepping NaN states to the time limit.
    staged = np.flatnonzero(np.isfinite(t_burnout))
    _, _, height = ecef_to_geodetic(x[staged, :3])  # the same in ECEF: z is shared
    low = height < DENSE_AIR_M
    coarse = replace(steps, reentry_s=max(steps.reentry_s, LOW_STAGE_STEP_S))
    parts: list[Flight] = []
    order: list[IntArray] = []
    for sel, how in ((np.flatnonzero(~low), steps), (np.flatnonzero(low), coarse)):
        if sel.size or not parts:
            i = staged[sel]
            parts.append(fly_bodies(x[i], np.full(i.size, BETA_KG_M2), t_burnout[i], t_out_s,
                                    theta0_rad=missiles.theta0_rad, physics=physics,
                                    steps=how))  # fmt: skip
            order.append(sel)
    flown = take_flights(concatenate_flights(parts), np.argsort(np.concatenate(order)))
    if staged.size == x.shape[0]:
        return flown
    n = x.shape[0]

    def rows(part: np.ndarray, fill: float | int = np.nan) -> np.ndarray:
        out = np.full((n, *part.shape[1:]), fill, dtype=part.dtype)
        out[staged] = part
        return out

    return replace(
        flown,
        start_lat_rad=rows(flown.start_lat_rad),
        start_lon_rad=rows(flown.start_lon_rad),
        t_start_s=t_burnout.copy(),
        y_eci=rows(flown.y_eci),
        event_t_s=rows(flown.event_t_s),
        event_x_eci=rows(flown.event_x_eci),
        status=rows(flown.status, STATUS_FLYING),
        x_start_eci=x,
    )

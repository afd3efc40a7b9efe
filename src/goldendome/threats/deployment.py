"""Post-boost deployment: reentry vehicles and decoys released by the bus, then flown alone.

After burnout the bus (post-boost vehicle) coasts; at ``release_delay_s`` after burnout it
starts releasing its objects ``release_spacing_s`` apart, reentry vehicles first. Each object
leaves with a small random velocity (``dispersion_m_s`` per axis, 1-sigma: separation springs
and bus trimming, a goldendome assumption of a few m/s) and then flies on its own ballistic
coefficient: in vacuum all objects fly together, in the atmosphere light decoys slow and fall
behind the reentry vehicles, which is what discrimination by deceleration exploits.

Multiple reentry vehicles are aimed at one target here (their footprint is the dispersion);
independently targeted footprints are a later refinement.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind
from goldendome.threats.ballistic import FlightPhysics, StepSizes
from goldendome.threats.classes import BallisticClass
from goldendome.threats.flight import BURNOUT, Flight, fly_bodies
from goldendome.threats.groups import FlownFn, fly_in_groups

#: Bus coast from burnout to the first release, s (goldendome assumption).
RELEASE_DELAY_S = 60.0
#: Time between releases, s (goldendome assumption).
RELEASE_SPACING_S = 10.0
#: 1-sigma release velocity per axis, m/s: reentry vehicles, decoys (goldendome assumption).
DISPERSION_RV_M_S = 0.5
DISPERSION_DECOY_M_S = 2.0


@dataclass(frozen=True)
class Deployment:
    """Every released object of a raid and its flight.

    Attributes
    ----------
    missile : (n_object,) int64
        Index of the missile that carried each object.
    kind : (n_object,) int64
        :class:`~goldendome.physics.kinds.ObjectKind` codes, ``RV`` or ``DECOY``.
    release_t_s : (n_object,) float64, seconds on the scenario clock
    flight : Flight
        The objects' flights from release to impact.
    """

    missile: IntArray
    kind: IntArray
    release_t_s: FloatArray
    flight: Flight

    def __len__(self) -> int:
        return int(self.missile.shape[0])


def deploy(
    missiles: Flight,
    classes: Sequence[BallisticClass],
    rng: np.random.Generator,
    t_out_s: ArrayLike | None = None,
    *,
    decoys: ArrayLike | None = None,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
    progress: FlownFn | None = None,
) -> Deployment:
    """Release each missile's reentry vehicles and decoys and fly them to impact.

    Parameters
    ----------
    missiles : Flight
        The missiles' flights (their burnout events are used).
    classes : sequence of BallisticClass
        Each missile's class (``rv_count``, decoys and their ballistic coefficients).
    rng : numpy.random.Generator
        Source of the release dispersions (pass one spawned for this subsystem).
    t_out_s : (n_time,) float64, optional
        Times at which to store the objects' states.
    decoys : (n_missile,) int, optional
        Decoys per missile, overriding each class's ``decoy_count``.
    progress : callable, optional
        ``progress(done, total)`` as groups of released objects are flown
        (:func:`goldendome.threats.groups.fly_in_groups`).

    Returns
    -------
    Deployment
        Objects ordered by missile, reentry vehicles before decoys.
    """
    n = len(classes)
    n_decoys = (
        np.array([c.decoy_count for c in classes])
        if decoys is None
        else np.broadcast_to(np.asarray(decoys, np.int64), (n,))
    )
    missile, kind, slot, beta = [], [], [], []
    for i, c in enumerate(classes):
        count = [(ObjectKind.RV, c.rv_ballistic_coefficient_kg_m2)] * c.rv_count
        count += [(ObjectKind.DECOY, c.decoy_ballistic_coefficient_kg_m2)] * int(n_decoys[i])
        for k, (what, b) in enumerate(count):
            missile.append(i)
            kind.append(what)
            slot.append(k)
            beta.append(b)
    missile_a = np.array(missile, dtype=np.int64)
    kind_a = np.array(kind, dtype=np.int64)
    burnout_t = missiles.event_t_s[missile_a, BURNOUT]
    release_t = burnout_t + RELEASE_DELAY_S + RELEASE_SPACING_S * np.array(slot, dtype=np.float64)
    # The bus coasts drag-free from burnout to each release. Only drag depends on the clock
    # (through the Earth's rotation), so each release offset is one flight in relative time.
    x_burnout = missiles.event_x_eci[missile_a, BURNOUT]
    offsets = release_t - burnout_t
    x_release = np.empty_like(x_burnout)
    for offset in np.unique(offsets):
        idx = np.flatnonzero(offsets == offset)
        coast = fly_bodies(
            x_burnout[idx], 0.0, 0.0, np.array([offset]), physics=physics, steps=steps
        )
        x_release[idx] = coast.y_eci[:, 0]
    sigma = np.where(kind_a == ObjectKind.RV, DISPERSION_RV_M_S, DISPERSION_DECOY_M_S)
    x_release[:, 3:] += rng.normal(size=(len(missile_a), 3)) * sigma[:, None]
    beta_a = np.array(beta, dtype=np.float64)
    n_out = 0 if t_out_s is None else int(np.size(t_out_s))

    def fly_group(idx: IntArray) -> Flight:
        return fly_bodies(
            x_release[idx],
            beta_a[idx],
            release_t[idx],
            t_out_s,
            theta0_rad=missiles.theta0_rad,
            physics=physics,
            steps=steps,
        )

    flight = fly_in_groups(fly_group, len(missile_a), n_out, progress)
    return Deployment(missile_a, kind_a, release_t, flight)

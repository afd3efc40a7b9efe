"""Which space-based interceptors can fire when the raid comes: readiness and attrition.

A constellation on paper is not the constellation that fights:

* **Not ready.** Some satellites have failed and not yet been replaced, and some newly
  launched ones are still raising their orbits. With a failed share ``f`` and replacements
  that spend ``d`` days raising orbit out of a service life of ``L`` years (each satellite is
  replaced once per life, so a share ``d / (365.25 L)`` of the slots is always in transit),
  the ready share is ``(1 - f) (1 - d / (365.25 L))``. Which satellites are not ready is
  drawn anew for each boost sample.
* **Attrition.** An adversary can attack the layer before it launches. Every satellite's
  orbit is public and its own launch plan is known to it, so it aims its anti-satellite
  shots at the interceptors that would be in reach of its missiles as it can plan it (with
  the defence doctrine's assumed detection and decision delays, not the sensor draws of a
  trial), the most useful first (most opportunities, then lowest id); each shot destroys its
  target with the weapon's kill probability. It cannot tell a failed satellite from a ready
  one.

Both are pure functions on arrays; the run draws them per boost sample
(:class:`goldendome.run.boost_sampler.BoostSampler`), and sizing takes their expectation
(:func:`p_enough_ready`: the chance that enough of the satellites in reach are ready and
survived).
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import binom

from goldendome.physics._types import BoolArray, FloatArray, IntArray

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Availability:
    """The share of an SBI layer ready to fire and an attack on it before the raid.

    Attributes
    ----------
    ready_share : float
        In [0, 1] (:func:`ready_share`).
    asat_shots : int
        Anti-satellite shots at the SBIs that would be in reach, >= 0.
    asat_kill_probability : float
        Chance that one shot destroys its target, in [0, 1].
    """

    ready_share: float = 1.0
    asat_shots: int = 0
    asat_kill_probability: float = 0.0

    @property
    def as_written(self) -> bool:
        """Every satellite ready and none attacked (nothing to draw)."""
        return self.ready_share >= 1.0 and self.asat_shots <= 0


def ready_share(
    failed_fraction: float, orbit_raising_days: float, service_life_years: float
) -> float:
    """Share of the constellation ready to fire, in [0, 1].

    Parameters
    ----------
    failed_fraction : float
        Share of satellites failed and not yet replaced, in [0, 1].
    orbit_raising_days : float, days
        Time a replacement spends raising its orbit, >= 0.
    service_life_years : float, years
        Service life after which a satellite is replaced, > 0.

    Raises
    ------
    ValueError
        For a value outside its range, or orbit raising longer than the service life.
    """
    if not 0.0 <= failed_fraction <= 1.0:
        raise ValueError(f"failed_fraction = {failed_fraction:g}: a share lies in [0, 1].")
    if not service_life_years > 0.0:
        raise ValueError(f"service_life_years = {service_life_years:g}: a life must be > 0.")
    transit = orbit_raising_days / (DAYS_PER_YEAR * service_life_years)
    if not 0.0 <= transit <= 1.0:
        raise ValueError(
            f"orbit_raising_days = {orbit_raising_days:g}: raising an orbit takes between 0 "
            f"days and the service life ({service_life_years:g} years)."
        )
    return (1.0 - failed_fraction) * (1.0 - transit)


def ready_mask(n_satellite: int, share: float, rng: np.random.Generator) -> BoolArray:
    """``(n_satellite,)`` bool: which satellites are ready, each with probability ``share``
    (one uniform draw per satellite; all ready without a draw when ``share`` is 1)."""
    if share >= 1.0:
        return np.ones(n_satellite, np.bool_)
    return np.asarray(rng.random(n_satellite) < share, np.bool_)


def asat_losses(
    n_satellite: int,
    in_reach: IntArray,
    shots: int,
    kill_probability: float,
    rng: np.random.Generator,
) -> BoolArray:
    """``(n_satellite,)`` bool: the satellites an anti-satellite attack destroys.

    Parameters
    ----------
    n_satellite : int
        Satellites of the layer.
    in_reach : (n_pair,) int64
        The satellite of each (satellite, missile) opportunity the raid would offer; a
        satellite with more opportunities is attacked first.
    shots : int
        Anti-satellite weapons fired, one per target (>= 0); targets are the satellites in
        reach, most opportunities first, then lowest index; shots beyond them are not fired.
    kill_probability : float
        Chance that one shot destroys its target, in [0, 1].
    rng : numpy.random.Generator
        One uniform draw per shot fired (none when ``shots`` is 0).
    """
    lost = np.zeros(n_satellite, np.bool_)
    if shots <= 0:
        return lost
    counts = np.bincount(np.asarray(in_reach, np.int64), minlength=n_satellite)
    candidates = np.flatnonzero(counts > 0)
    order = candidates[np.lexsort((candidates, -counts[candidates]))]
    targets = order[:shots]
    lost[targets] = rng.random(targets.size) < kill_probability
    return lost


def p_enough_ready(
    in_reach: IntArray, needed: int, available: Availability = Availability()
) -> FloatArray:
    """Chance that at least ``needed`` of the satellites in reach are ready and survived.

    Of ``n`` satellites in reach, ``t = min(asat_shots, n)`` are attacked (the adversary aims
    at those in reach); each attacked one is left ready with ``share * (1 - pk)``, each other
    one with ``share``, independently: the ready survivors are the sum of two binomials.

    Parameters
    ----------
    in_reach : (...) int64
        Satellites in reach (for example at each sampled launch time).
    needed : int
        Ready satellites wanted, >= 0.
    available : Availability
        The ready share and the attack.

    Returns
    -------
    (...) float64
        1 where ``n >= needed`` for a fully ready, unattacked layer (the plain count rule).
    """
    counts = np.asarray(in_reach, np.int64)
    if available.as_written:
        return np.asarray(counts >= needed, np.float64)
    out = np.empty(counts.shape, np.float64)
    share = available.ready_share
    hit_share = share * (1.0 - available.asat_kill_probability)
    for n in np.unique(counts):
        t = min(int(available.asat_shots), int(n))
        pmf = binom.pmf(np.arange(n - t + 1), n - t, share)
        pmf = np.convolve(pmf, binom.pmf(np.arange(t + 1), t, hit_share))
        out[counts == n] = float(pmf[needed:].sum()) if needed <= n else 0.0
    return out

"""How long a run will compute, from its dimensions: a rough figure shown before it starts.

Each stage's seconds are a coefficient times the product of the dimensions that drive it
(:class:`goldendome.run.footprint.Dimensions`), fitted to the stage timings in the manifests
of ten variants of the default scenario run on the reference machine (2 cores of an AMD
EPYC, 24 GiB, 2026-12-04; the table is in ``docs/speed.md``): constellations of 200 to
1,000,000 satellites, windows of 1 to 24 hours, raids of 1 to 300 missiles and 0 to 30
decoys each. It is meant to tell a minute from an hour, within about a factor of two or
three on that machine; it is not a bound, and another machine scales it by its speed.
Nothing is refused on it: a long run that fits in memory runs, with its progress shown.
"""

from dataclasses import dataclass

from goldendome.run.footprint import Dimensions

#: Seconds before the first stage: the interpreter, the libraries, the cached kernels.
STARTUP_S = 2.5
#: Architecture: seconds per (satellite, time) propagated and counted above the sites.
SATELLITE_TIME_S = 1.0e-7
#: Raid: seconds per missile aimed and flown with what it releases.
MISSILE_S = 0.085
#: Sensing and tracking: ``SENSING_S * (objects x times) ** SENSING_EXPONENT`` (the tracker
#: grows slightly faster than the raid; docs/sensors.md).
SENSING_S = 9.0e-6
SENSING_EXPONENT = 1.1
#: Kill-chain setup: seconds per (SBI, boost sample, phasing) and per (battery, object, time).
SBI_PHASE_SAMPLE_S = 1.5e-8
BATTERY_OBJECT_TIME_S = 1.3e-6
#: Monte Carlo: seconds per (trial, object), shared among the workers.
TRIAL_OBJECT_S = 2.0e-5
#: Fixed seconds of each stage that runs (folders, tables, small arrays).
STAGE_S = 0.3


@dataclass(frozen=True)
class WorkEstimate:
    """A run's estimated computing time on the reference machine.

    Attributes
    ----------
    seconds : float
        The whole run, start-up included.
    stages : dict of str to float
        Seconds by stage (``architecture``, ``raid``, ``sensing``, ``kill_chain``,
        ``trials``).
    """

    seconds: float
    stages: dict[str, float]

    def phrase(self) -> str:
        """``about 20 s of computing``, ``about 12 min``, ``about 3.5 h``."""
        s = self.seconds
        if s < 90:
            return f"about {max(s, 1):.0f} s of computing"
        if s < 5400:
            return f"about {s / 60:.0f} min of computing"
        return f"about {s / 3600:.1f} h of computing"


def estimate_work(d: Dimensions, workers: int = 1) -> WorkEstimate:
    """The estimated computing time of a run of dimensions ``d``.

    Parameters
    ----------
    d : Dimensions
    workers : int
        Processes sharing the Monte Carlo trials (0 or 1: this process alone).

    Returns
    -------
    WorkEstimate
    """
    objects = d.missiles + d.objects
    stages = {"architecture": STAGE_S + SATELLITE_TIME_S * d.satellites * d.times}
    if d.missiles:
        # The boost samples are computed where the trials run: as many as the trials use.
        used = min(d.phase_samples, d.trials)
        sbi_samples = d.sbi_satellites * d.boost_samples * used
        stages |= {
            "raid": STAGE_S + MISSILE_S * d.missiles,
            "sensing": STAGE_S + SENSING_S * (objects * d.times) ** SENSING_EXPONENT,
            "kill_chain": STAGE_S + BATTERY_OBJECT_TIME_S * d.batteries * objects * d.times,
            "trials": (TRIAL_OBJECT_S * d.trials * objects + SBI_PHASE_SAMPLE_S * sbi_samples)
            / max(workers, 1),
        }
    return WorkEstimate(STARTUP_S + sum(stages.values()), stages)

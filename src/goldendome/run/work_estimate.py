"""How long a run will compute, from its dimensions: a rough figure shown before it starts.

Each stage's seconds are a coefficient times the product of the dimensions that drive it
(:class:`goldendome.run.footprint.Dimensions`), fitted to the stage timings in the manifests
of ten variants of the default scenario run on the reference machine (2 cores of an AMD
EPYC, 24 GiB, 2026-12-04; the table is in ``docs/speed.md``): constellations of 200 to
1,000,000 satellites, windows of 1 to 24 hours, raids of 1 to 300 missiles and 0 to 30
decoys each. The sensing, boost-sample and trial coefficients were fitted again after the
coupled kill chain (issue 14: JPDA tracker, 100 boost samples, tracks as targets) to four
runs: the default scenario at 200 and 1,000 trials, the liquid raid and the peer raid at
1,000 (16.3, 18.1, 22.3 and 60.5 s measured; 15.1, 19.1, 19.3 and 58.4 s estimated). It is
meant to tell a minute from an hour, within about a factor of two or three on that machine;
it is not a bound, and another machine scales it by its speed.
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
#: Sensing and tracking: ``SENSING_S * (objects x times) ** SENSING_EXPONENT`` (the JPDA
#: tracker's per-scan work dominates small raids, so it grows slower than the raid;
#: fitted on the default and peer raids only).
SENSING_S = 0.015
SENSING_EXPONENT = 0.56
#: Boost samples: seconds per (SBI, boost-grid sample) of each sample the trials use (the
#: sensors' reports, the reach, the payloads flown on, the sample's own assignments).
SBI_PHASE_SAMPLE_S = 3.0e-8
#: Intercept windows: seconds per (battery, object, time).
BATTERY_OBJECT_TIME_S = 1.3e-6
#: Monte Carlo: seconds per trial and per (trial, object), shared among the workers.
TRIAL_S = 0.008
TRIAL_OBJECT_S = 8.0e-5
#: Starting a local Dask cluster of two or more workers.
DASK_START_S = 3.0
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
            "trials": (
                d.trials * (TRIAL_S + TRIAL_OBJECT_S * objects) + SBI_PHASE_SAMPLE_S * sbi_samples
            )
            / max(workers, 1)
            + (DASK_START_S if workers >= 2 else 0.0),
        }
    return WorkEstimate(STARTUP_S + sum(stages.values()), stages)

"""The run's named random streams: one ``SeedSequence`` child of the scenario seed each.

Every subsystem that draws random numbers takes its stream from this table, so streams
never collide and adding a subsystem never shifts another's draws. Stream ``name`` is
``SeedSequence(seed, spawn_key=(STREAMS[name],))``, which is also what
``SeedSequence(seed).spawn(n)[STREAMS[name]]`` gives; trial ``k`` of the Monte Carlo is
``SeedSequence(seed, spawn_key=(STREAMS["monte_carlo"], k))``, the same whatever the number
of workers or the chunking.
"""

from dataclasses import dataclass

import numpy as np

#: Stream numbers. Never renumber: stored runs were drawn from them.
STREAMS: dict[str, int] = {
    "deployment": 0,  # decoy and RV release dispersion
    "sensing": 1,  # detections and noise (one child per sensor), then discrimination
    "monte_carlo": 2,  # one child per trial
    "economics": 3,  # cost uncertainty (to come)
    "sweep": 4,  # sweep cases (to come)
    "boost_reports": 5,  # one child per boost sample: the sensors' detections of the boosters
    "stage_separation": 6,  # the spent upper stages' separation velocities
    "sbi_availability": 7,  # one child per boost sample: SBIs not ready, lost to ASAT attack
}


@dataclass(frozen=True)
class Streams:
    """The random streams of a run seeded ``seed``."""

    seed: int

    def sequence(self, name: str) -> np.random.SeedSequence:
        """The seed sequence of stream ``name`` (KeyError naming the streams if unknown)."""
        if name not in STREAMS:
            known = ", ".join(STREAMS)
            raise KeyError(f"no random stream '{name}'; the streams are: {known}.")
        return np.random.SeedSequence(self.seed, spawn_key=(STREAMS[name],))

    def generator(self, name: str) -> np.random.Generator:
        """A fresh generator on stream ``name``."""
        return np.random.default_rng(self.sequence(name))

    def children(self, name: str, n: int) -> list[np.random.Generator]:
        """``n`` independent generators spawned from stream ``name``."""
        return [np.random.default_rng(c) for c in self.sequence(name).spawn(n)]

    def trial(self, trial: int) -> np.random.SeedSequence:
        """The seed sequence of Monte Carlo trial ``trial``."""
        return np.random.SeedSequence(self.seed, spawn_key=(STREAMS["monte_carlo"], trial))

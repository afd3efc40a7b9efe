"""Specs of how the battle manager fights and how many trials a run draws.

``[doctrine]`` holds the battle manager's rules: which objects it engages (the Iron Dome
principle: only what threatens a defended area), shots per object in each layer and how
they are split into looks (shoot-look-shoot), the delays of command and control and of
battle-damage assessment, and the share of every magazine held in reserve.
``[monte_carlo]`` holds the number of trials and how finely the constellation's phase is
sampled. Defaults are goldendome assumptions, named as such in ``docs/kill_chain.md``.
"""

from typing import Annotated, Literal

from pydantic import model_validator

from goldendome.scenario.base import SpecModel, cross_field_error
from goldendome.scenario.quantities import Bounded
from goldendome.sensors.decoys import DecoyTypeName

Shots = Annotated[int, Bounded("shots per object must lie in [0, 16]", ge=0, le=16)]
Looks = Annotated[int, Bounded("looks per layer must lie in [1, 8]", ge=1, le=8)]
Delay = Annotated[float, Bounded("a delay must lie between 0 and 900 s", "s", ge=0, le=900)]
Probability = Annotated[float, Bounded("a probability lies in [0, 1]", ge=0, le=1)]


def looks_rule(shots: int, looks: int) -> str | None:
    """The rule a layer's doctrine breaks when it has more looks than shots."""
    if shots and looks > shots:
        return f"looks = {looks} is more than shots = {shots}: every look fires at least one shot"
    return None


class LayerDoctrine(SpecModel):
    """Shots one layer may fire at one object, split over ``looks`` (1: a salvo)."""

    shots: Shots
    looks: Looks = 1

    @model_validator(mode="after")
    def _looks_fit(self) -> "LayerDoctrine":
        rule = looks_rule(self.shots, self.looks)
        if rule is not None:
            raise cross_field_error(rule)
        return self

    def per_look(self) -> tuple[int, ...]:
        """Shots at each look, the earlier looks taking the remainder: 5 over 2 is (3, 2)."""
        base, extra = divmod(self.shots, self.looks)
        return tuple(base + (1 if k < extra else 0) for k in range(self.looks))


class DoctrineSpec(SpecModel):
    """The battle manager's rules (``[doctrine]``)."""

    engage: Literal["threatening", "all"] = "threatening"
    threat_sigma: Annotated[
        float, Bounded("the threat margin is 0 to 5 prediction sigmas", ge=0, le=5)
    ] = 2.0
    boost: LayerDoctrine = LayerDoctrine(shots=2)
    midcourse: LayerDoctrine = LayerDoctrine(shots=4, looks=2)
    terminal: LayerDoctrine = LayerDoctrine(shots=2)
    c2_latency_s: Delay = 10.0
    bda_delay_s: Delay = 30.0
    survivor_seen: Probability = 1.0
    reserve_fraction: Annotated[
        float, Bounded("the reserve is a share of each magazine, in [0, 1)", ge=0, lt=1)
    ] = 0.0
    assignment: Literal["auto", "exact", "greedy"] = "auto"
    #: Engage an object when the chance that it is a warhead, given what discrimination
    #: called it, is at least this (0: engage everything that might be a warhead; higher
    #: spares what is probably a decoy). See ``engagement.discrimination_call``.
    warhead_threshold: Probability = 0.05
    #: The battle manager's prior share of warheads among the objects it tracks.
    warhead_prior: Annotated[
        float, Bounded("the prior share of warheads lies strictly between 0 and 1", gt=0, lt=1)
    ] = 0.25
    #: The decoy type the battle manager believes it faces (its likelihoods of each call).
    assumed_decoy_type: DecoyTypeName = "balloon"
    #: Hold fire where a shot's planned kill probability (the type's SSPK against what the
    #: track reads as, times the manoeuvre factor, times the chance its divert covers the
    #: track's prediction error) is below this; the round waits for a better track. A
    #: goldendome assumption (no published doctrine figure); 0 fires whatever can be fired.
    min_planned_pk: Probability = 0.05


class MonteCarloSpec(SpecModel):
    """How many trials a run draws and how they vary (``[monte_carlo]``)."""

    trials: Annotated[int, Bounded("trials must lie in [1, 1,000,000]", ge=1, le=1_000_000)] = 200
    phase_samples: Annotated[int, Bounded("phase samples must lie in [1, 4096]", ge=1, le=4096)] = (
        100
    )
    chunk: Annotated[int, Bounded("trials per task must lie in [1, 10,000]", ge=1, le=10_000)] = 50

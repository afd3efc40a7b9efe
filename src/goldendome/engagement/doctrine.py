"""What the battle manager reads of its doctrine (the scenario's ``[doctrine]`` provides it).

The engagement package does not import the scenario layer; any object with these attributes
serves (the scenario's ``DoctrineSpec`` does).
"""

from typing import Literal, Protocol


class LayerLooks(Protocol):
    """Shots one layer may fire at one object, and how they split into looks."""

    def per_look(self) -> tuple[int, ...]:
        """Shots at each look (a salvo is one look)."""
        ...


class Doctrine(Protocol):
    """The battle manager's rules."""

    @property
    def engage(self) -> Literal["threatening", "all"]:
        """Engage only objects that may hit a defended area, or everything tracked."""
        ...

    @property
    def threat_sigma(self) -> float:
        """Margin, in prediction sigmas, added to each defended area's radius."""
        ...

    @property
    def boost(self) -> LayerLooks: ...

    @property
    def midcourse(self) -> LayerLooks: ...

    @property
    def terminal(self) -> LayerLooks: ...

    @property
    def c2_latency_s(self) -> float:
        """Fire-control track to the first launch order, seconds."""
        ...

    @property
    def bda_delay_s(self) -> float:
        """Intercept to the next look at the survivors, seconds."""
        ...

    @property
    def survivor_seen(self) -> float:
        """Chance that kill assessment sees a survivor of a look."""
        ...

    @property
    def min_planned_pk(self) -> float:
        """Planned kill probability below which a shot is not fired."""
        ...

    @property
    def assignment(self) -> Literal["auto", "exact", "greedy"]:
        """Weapon-target assignment method."""
        ...

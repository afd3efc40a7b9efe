"""The constellation contract. The element set every constellation produces lives in the
bottom layer, :class:`goldendome.physics.elements.OrbitalElements` (re-exported here)."""

from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

from goldendome.physics.elements import OrbitalElements as OrbitalElements

SatelliteRole = Literal["interceptor", "tracking", "early_warning", "air_moving_target"]


@runtime_checkable
class Constellation(Protocol):
    """What every constellation model offers: a name, a role and its epoch elements."""

    @property
    def name(self) -> str:
        """The layer's name in the scenario (``sbi_layer``)."""
        ...

    @property
    def role(self) -> SatelliteRole:
        """What the satellites do: intercept, track, or warn."""
        ...

    @property
    def n_satellites(self) -> int:
        """Number of satellites."""
        ...

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """Mean elements (ECI of date) at the scenario epoch ``epoch_utc``."""
        ...

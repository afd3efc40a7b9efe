"""The interceptor contract: how far an interceptor gets in a given time of flight."""

from typing import Protocol, runtime_checkable

from goldendome.physics._types import ArrayLike, FloatArray


@runtime_checkable
class FlyOut(Protocol):
    """Fly-out kinematics of one interceptor type."""

    def reach_m(self, time_of_flight_s: ArrayLike) -> FloatArray:
        """Farthest displacement reachable after ``time_of_flight_s`` (meters, same shape)."""
        ...

    def time_to_reach_s(self, distance_m: ArrayLike) -> FloatArray:
        """Shortest time of flight to a displacement ``distance_m`` (seconds, same shape)."""
        ...

"""A space-based interceptor: a kill vehicle pushed off its satellite by a booster.

Kinematic model (the APS 2003 boost-phase study's parametrization): the booster gives
``delta_v`` at a constant ``acceleration`` (burn time ``delta_v / acceleration``), thrusting
along the line to the intercept point, then the kill vehicle coasts. Relative to where its
satellite would have been, the vehicle is displaced by

    s(t) = a t^2 / 2                        for t <= t_burn
    s(t) = a t_burn^2 / 2 + dv (t - t_burn) for t >  t_burn,

the farthest any thrust program with these limits can move it from rest in time t. Both
the satellite and the vehicle fall in the same gravity field, so gravity is accounted for
by using the satellite's own future position as the vehicle's coasting reference; only the
gravity *gradient* across the displacement is left out. That differential acceleration is
about ``n^2 d`` (n the orbital mean motion, 1.2e-3 rad/s in LEO), so over a fly-out of
``T`` seconds to a displacement ``d`` it shifts the vehicle by about ``n^2 d T^2 / 12``:
8 km (0.8%) for 1,000 km in 200 s, below the uncertainty of the delta-v assumed.

The divert delta-v is the kill vehicle's own budget for homing; it is not spent on the
fly-out and is reported beside each engagement.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


@dataclass(frozen=True)
class KillVehicle:
    """Fly-out parameters of a space-based interceptor.

    Parameters
    ----------
    delta_v_m_s : float
        Booster velocity change, m/s.
    acceleration_m_s2 : float
        Mean booster acceleration, m/s^2.
    divert_delta_v_m_s : float
        Kill-vehicle divert budget for the end game, m/s (not used by the fly-out).
    """

    delta_v_m_s: float
    acceleration_m_s2: float
    divert_delta_v_m_s: float = 0.0

    @property
    def burn_time_s(self) -> float:
        """Booster burn time, seconds."""
        return self.delta_v_m_s / self.acceleration_m_s2

    def reach_m(self, time_of_flight_s: ArrayLike) -> FloatArray:
        """Farthest displacement after ``time_of_flight_s`` seconds (meters; 0 for t <= 0)."""
        t = np.maximum(np.asarray(time_of_flight_s, dtype=np.float64), 0.0)
        tb = self.burn_time_s
        boosting = 0.5 * self.acceleration_m_s2 * np.minimum(t, tb) ** 2
        return np.asarray(boosting + self.delta_v_m_s * np.maximum(t - tb, 0.0), np.float64)

    def time_to_reach_s(self, distance_m: ArrayLike) -> FloatArray:
        """Shortest time of flight to a displacement ``distance_m`` (the inverse of reach)."""
        d = np.maximum(np.asarray(distance_m, dtype=np.float64), 0.0)
        tb = self.burn_time_s
        s_burn = 0.5 * self.acceleration_m_s2 * tb * tb
        during = np.sqrt(2.0 * d / self.acceleration_m_s2)
        after = tb + (d - s_burn) / self.delta_v_m_s
        return np.asarray(np.where(d <= s_burn, during, after), dtype=np.float64)


@dataclass(frozen=True)
class EngagementRule:
    """When a space-based interceptor may be launched and must hit.

    Parameters
    ----------
    detection_delay_s : float
        Threat launch to first detection by the early-warning layer, seconds.
    decision_delay_s : float
        Detection to interceptor launch (track, decision, command), seconds.
    intercept_before : {"burnout", "altitude", "time"}
        The deadline: the threat's burnout, its crossing of ``deadline_altitude_m`` (or
        burnout, if earlier), or ``deadline_time_s`` after its launch (or burnout).
    deadline_altitude_m, deadline_time_s : float
        Used by the matching ``intercept_before``.
    min_intercept_altitude_m : float
        The kill vehicle engages only targets above this altitude (seeker and heating
        limits), meters.
    """

    detection_delay_s: float
    decision_delay_s: float
    intercept_before: str = "burnout"
    deadline_altitude_m: float = np.inf
    deadline_time_s: float = np.inf
    min_intercept_altitude_m: float = 0.0

    @property
    def launch_delay_s(self) -> float:
        """Threat launch to interceptor launch, seconds."""
        return self.detection_delay_s + self.decision_delay_s

"""``[tracking]`` of a scenario: the tracker's settings for this run.

Every key is optional; what the table leaves out keeps the tracker's default
(:class:`goldendome.tracking.tracker.TrackerSettings`, goldendome assumptions described in
``docs/sensors.md`` and ``docs/tracking_manoeuvring.md``)::

    [tracking]
    association = "gnn"                          # or "jpda" (the default)
    fire_control_sigma_m = 500.0                 # a stricter fire-control quality
    fire_control_glide_velocity_sigma_m_s = 100.0
    level_flight = false                         # every track predicted ballistic

The settings shape what the tracker makes of the measurements only: which measurement goes
to which track, when a track is firm, and when it is good enough to fire on.
"""

import dataclasses
from typing import TYPE_CHECKING, Annotated, Literal

from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded

if TYPE_CHECKING:  # the tracker loads when a run is built, not when a file is validated
    from goldendome.tracking.tracker import TrackerSettings

_Sigma = Annotated[float, Bounded("a 1-sigma quality lies in (0, 1,000 km]", "m", gt=0, le=1e6)]
_Speed = Annotated[
    float, Bounded("a velocity 1-sigma lies in (0, 10,000] m/s", "m/s", gt=0, le=1e4)
]
_Accel = Annotated[
    float, Bounded("a manoeuvre acceleration lies in [0, 1,000] m/s^2", "m/s^2", ge=0, le=1e3)
]
_Time = Annotated[float, Bounded("a time lies in (0, 86,400] s", "s", gt=0, le=86_400)]


class TrackingSpec(SpecModel):
    """``[tracking]``: the tracker's settings (unset: the tracker's defaults).

    ``association``: "jpda" (joint probabilistic, the default) or "gnn" (global nearest
    neighbour); ``prob_detect`` and ``clutter_kappa``: the JPDA's detection probability and
    false measurements per volume of a measurement's noise; ``confirm_hits`` within
    ``confirm_window_s``: when a track is firm; ``drop_firm_s``: how long a firm track
    lives without an update; ``fire_control_*``: the position and velocity 1-sigma below
    which a ballistic, level-flying or gliding track may be fired on; ``merge_radius_m``:
    tracks closer than this may merge; ``merge_resolve_beta``: the JPDA weight at which a
    track counts as having taken a measurement, so that two tracks that took different
    measurements of one scan are never merged (0: only measurements taken outright);
    ``q_ballistic_m2_s3``: the process noise of a coasting track; ``level_flight``: predict
    tracks inside the atmosphere in level flight (False: every track ballistic) with
    ``glide_acceleration_m_s2`` or ``cruise_acceleration_m_s2`` of manoeuvre noise.
    """

    association: Literal["jpda", "gnn"] | None = None
    prob_detect: (
        Annotated[float, Bounded("a detection probability lies in (0, 1]", gt=0, le=1)] | None
    ) = None
    clutter_kappa: (
        Annotated[float, Bounded("a clutter density lies in [0, 1]", ge=0, le=1)] | None
    ) = None
    confirm_hits: (
        Annotated[int, Bounded("a track is confirmed by 1 to 20 hits", ge=1, le=20)] | None
    ) = None
    confirm_window_s: _Time | None = None
    drop_firm_s: _Time | None = None
    fire_control_sigma_m: _Sigma | None = None
    fire_control_velocity_sigma_m_s: _Speed | None = None
    fire_control_level_velocity_sigma_m_s: _Speed | None = None
    fire_control_glide_velocity_sigma_m_s: _Speed | None = None
    merge_radius_m: (
        Annotated[float, Bounded("a merge radius lies in [0, 1,000 km]", "m", ge=0, le=1e6)] | None
    ) = None
    merge_resolve_beta: (
        Annotated[float, Bounded("a JPDA weight lies in [0, 1]", ge=0, le=1)] | None
    ) = None
    q_ballistic_m2_s3: (
        Annotated[float, Bounded("a process noise lies in [0, 1e6] m^2/s^3", ge=0, le=1e6)] | None
    ) = None
    level_flight: bool | None = None
    glide_acceleration_m_s2: _Accel | None = None
    cruise_acceleration_m_s2: _Accel | None = None

    def settings(self) -> "TrackerSettings":
        """The tracker's settings: its defaults with this table's values in their place."""
        from goldendome.tracking.tracker import TrackerSettings

        given = {k: v for k, v in self.model_dump().items() if v is not None}
        return dataclasses.replace(TrackerSettings(), **given)

"""The tracker's settings (:func:`goldendome.tracking.tracker.run_tracker`; each is
described in that module's notes and in ``docs/sensors.md``), and the names of its
association and candidate-search variants."""

from dataclasses import dataclass
from typing import Literal

from goldendome.tracking.manoeuvre import (
    CRUISE_ACCELERATION_M_S2,
    GLIDE_ACCELERATION_M_S2,
    MANOEUVRE_TIME_S,
)

__all__ = ["Association", "Candidates", "TrackerSettings"]

#: How the candidate pairs of a scan are found (see :mod:`goldendome.tracking.tracker`).
Candidates = Literal["tree", "numpy", "all"]
#: How a scan's measurements update the tracks (see :mod:`goldendome.tracking.scan`).
Association = Literal["jpda", "gnn"]


@dataclass(frozen=True)
class TrackerSettings:
    """Tracker parameters (defaults: goldendome assumptions, see ``docs/sensors.md``).

    ``association``, ``prob_detect``, ``clutter_kappa`` (false measurements per volume of
    a measurement's own noise), ``min_beta`` and ``assign_probability`` set the JPDA (module
    notes); ``neighbour_*`` the velocity a new track borrows; ``merge_*`` the merging of
    coincident tracks (``merge_resolve_beta``: the JPDA weight at which a track counts as
    having taken a measurement for the merge test, 0: only the measurements assigned to it;
    off by default, 0.3 in the peer-scale raids' files, :mod:`goldendome.tracking.merge`);
    ``level_flight`` (with plume flags) predicts tracks nearly level
    inside the atmosphere in level flight with the manoeuvre noise of
    ``glide_acceleration_m_s2`` or ``cruise_acceleration_m_s2`` over ``manoeuvre_time_s``
    (:mod:`goldendome.tracking.manoeuvre`; False: every track ballistic).
    """

    q_ballistic_m2_s3: float = 1e-2
    q_boost_m2_s3: float = 1e4
    boost_altitude_m: float = 250e3
    plume_memory_s: float = 20.0
    deployment_s: float = 60.0
    drag_beta_kg_m2: float = 200.0
    drag_time_s: float = 10.0
    confirm_hits: int = 3
    confirm_window_s: float = 60.0
    drop_tentative_s: float = 60.0
    drop_firm_s: float = 600.0
    fire_control_sigma_m: float = 1_000.0
    fire_control_velocity_sigma_m_s: float = 50.0
    fire_control_level_velocity_sigma_m_s: float = 100.0
    fire_control_glide_velocity_sigma_m_s: float = 200.0
    triangulation_gate_m: float = 30e3
    ir_position_sigma_m: float = 10e3
    ir_velocity_sigma_m_s: float = 5e3
    rate_after_velocity_sigma_m_s: float = 300.0
    association: Association = "jpda"
    prob_detect: float = 0.9
    clutter_kappa: float = 1e-9
    min_beta: float = 0.01
    assign_probability: float = 0.5
    neighbour_radius_m: float = 20e3
    merge_radius_m: float = 20e3
    merge_probability: float = 0.99
    merge_resolve_beta: float = 0.0
    neighbour_spread_m_s: float = 100.0
    neighbour_max_sigma_m_s: float = 100.0
    level_flight: bool = True
    glide_acceleration_m_s2: float = GLIDE_ACCELERATION_M_S2
    cruise_acceleration_m_s2: float = CRUISE_ACCELERATION_M_S2
    manoeuvre_time_s: float = MANOEUVRE_TIME_S

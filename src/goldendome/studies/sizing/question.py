"""From a validated sizing spec to a sizing question (the missile flown), and the list of
assumptions printed beside every answer."""

import math
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import numpy as np

from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.run.boost_tracks import fly_boost
from goldendome.scenario.catalog import BallisticClassSpec, launch_areas, targets, threat_classes
from goldendome.scenario.sizing import SizingSpec
from goldendome.studies.sizing.search import (
    ShellFn,
    SizingAnswer,
    SizingQuestion,
    size_constellation,
)
from goldendome.threats.ballistic import Launches
from goldendome.threats.targeting import aim

#: Any epoch serves: answers average over launch times through a whole day.
SIZING_EPOCH = datetime(2029, 1, 1, tzinfo=UTC)


def sizing_question(spec: SizingSpec) -> SizingQuestion:
    """Fly the salvo's missile (minimum-energy, launched at t = 0) and gather the question."""
    cls = threat_classes()[spec.threat]
    assert isinstance(cls, BallisticClassSpec)  # the spec admits ballistic classes only
    area, goal = launch_areas()[spec.from_], targets()[spec.to]
    theta0 = float(earth_rotation_angle_rad(0.0, SIZING_EPOCH))
    launches = Launches.of(
        [cls.build_rocket()], [area.latitude_rad], [area.longitude_rad], 0.0, 0.0, t_launch_s=[0.0]
    )
    aimed = aim(launches, [goal.latitude_rad], [goal.longitude_rad], theta0_rad=theta0)
    return SizingQuestion(
        tracks=fly_boost(aimed.launches, theta0),
        threat_label=f"{spec.threat} from {spec.from_} toward {spec.to}",
        vehicle=spec.sbi.build_vehicle(),
        rule=spec.sbi.build_rule(),
        salvo=spec.salvo,
        shots=spec.shots,
        confidence=spec.confidence,
        launch_times=spec.launch_times,
        phasing=spec.phasing,
        altitudes_m=tuple(spec.altitudes_m),
        inclinations_rad=tuple(spec.inclinations_rad),
        planes=tuple(spec.planes),
        launch_latitude_rad=area.latitude_rad,
        availability=spec.sbi.build_availability(),
    )


def assumptions(question: SizingQuestion) -> dict[str, Any]:
    """Every assumption the answer rests on, in the units an analyst reads."""
    kv, rule = question.vehicle, question.rule
    burnout = float(question.tracks.burnout_time_s[0])
    alt = question.tracks.altitude_m[0]
    t = question.tracks.t_s
    return {
        "threat": question.threat_label,
        "threat_burnout_s": round(burnout, 1),
        "threat_burnout_altitude_km": round(float(np.interp(burnout, t, alt)) / 1e3, 1),
        "salvo_simultaneous_launches": question.salvo,
        "shots_per_missile": question.shots,
        "confidence_over_launch_times": question.confidence,
        "launch_times_sampled": question.launch_times,
        "kill_vehicle_delta_v_km_s": kv.delta_v_m_s / 1e3,
        "kill_vehicle_acceleration_g": round(kv.acceleration_m_s2 / 9.80665, 2),
        "kill_vehicle_burn_time_s": round(kv.burn_time_s, 1),
        "kill_vehicle_divert_km_s": kv.divert_delta_v_m_s / 1e3,
        "detection_delay_s": rule.detection_delay_s,
        "decision_delay_s": rule.decision_delay_s,
        "intercept_before": rule.intercept_before,
        "min_intercept_altitude_km": rule.min_intercept_altitude_m / 1e3,
        "interceptors_per_satellite": 1,
        "ready_share": round(question.availability.ready_share, 4),
        "asat_shots_before_the_raid": question.availability.asat_shots,
        "asat_kill_probability": question.availability.asat_kill_probability,
        "walker_phasing": question.phasing,
        "altitudes_km": [h / 1e3 for h in question.altitudes_m],
        "inclinations_deg": [round(math.degrees(i), 3) for i in question.inclinations_rad],
        "planes": list(question.planes),
    }


def size(
    spec: SizingSpec,
    progress: Callable[[str, int, int], None] | None = None,
    on_shell: ShellFn | None = None,
) -> tuple[SizingAnswer, dict[str, Any]]:
    """Answer a sizing question: the smallest constellation and the assumptions behind it.

    ``progress(stage, done, total)`` is called after each shell searched, and
    ``on_shell(reach_map, candidates)`` just before it.
    """
    question = sizing_question(spec)

    def shells(done: int, total: int) -> None:
        if progress is not None:
            progress("searching shells (altitude x inclination)", done, total)

    return size_constellation(question, shells, on_shell), assumptions(question)


def size_report(answer: SizingAnswer, assumed: dict[str, Any]) -> dict[str, Any]:
    """The answer as plain data (what ``goldendome size --json`` prints); with a
    ``preset`` key (the published figure beside the answer) when the question was a
    preset's, and a ``run_folder`` key when the answer was stored."""
    best = answer.best
    report: dict[str, Any] = {
        "satellites": None if best is None else best.satellites,
        "best": None if best is None else asdict(best),
        "needed_in_reach": answer.needed_in_reach,
        "assumptions": assumed,
        "engagement_window_s": list(answer.engagement_window_s),
        "effective_ground_reach_km": answer.effective_reach_km,
        "candidates": [
            asdict(c) | {"label": c.label, "status": c.status} for c in answer.candidates
        ],
        "coverage_by_latitude": [
            {"latitude_deg": lat, "mean_in_reach": n} for lat, n in answer.coverage_by_latitude
        ],
        "in_reach_over_time": {
            "launch_time_s": answer.launch_times_s,
            "in_reach": answer.in_reach_over_time,
        },
    }
    if answer.preset is not None:
        report["preset"] = answer.preset
    if answer.run_folder is not None:
        report["run_folder"] = str(answer.run_folder)
    return report

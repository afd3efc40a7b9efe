"""A sizing answer into a run folder, shell by shell as the search goes.

Tables (:mod:`goldendome.results.schemas`): ``sizing_shells`` (each shell searched) and
``sizing_candidates`` (each shell and plane count), rewritten after every shell so that an
interrupted search keeps the shells it finished; then ``sizing_launch_times`` and
``sizing_latitudes`` for the best constellation. The manifest's ``run`` facts hold the
question (``question``, file units), every assumption (``assumptions``, as printed), and the
answer's figures (``satellites``, ``needed_in_reach``, ``engagement_window_s``,
``effective_ground_reach_m``); its scenario text is the question as TOML, which
``sizing_spec(tomllib.loads(text))`` reads back.
"""

import dataclasses
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from goldendome.results.run_folder import Columns
from goldendome.scenario.changes import toml_text
from goldendome.scenario.interceptors import sbi_assumptions
from goldendome.scenario.sizing import SizingPreset, SizingSpec
from goldendome.studies.folder import StudyFolder, study_folder
from goldendome.studies.sizing.presets import with_published
from goldendome.studies.sizing.question import size
from goldendome.studies.sizing.reach_map import ReachMap
from goldendome.studies.sizing.search import Candidate, SizingAnswer

#: One searched geometry: the shell's altitude (m) and inclination (deg), and its candidate.
_Row = tuple[float, float, Candidate]


def question_values(values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The default question with ``values`` put over it (file units): what is validated."""
    merged: dict[str, Any] = dict(sbi_assumptions()["question"])
    merged.update(values or {})
    return merged


def _n(value: int | None) -> int:
    return -1 if value is None else value


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


class _Tables:
    """The shells and candidates searched so far, written after each shell."""

    def __init__(self, run: StudyFolder) -> None:
        self.run = run
        self.shells: list[tuple[float, float, float]] = []
        self.rows: list[_Row] = []

    def keep(self, shell: ReachMap, candidates: list[Candidate]) -> None:
        altitude_m, inclination_deg = shell.altitude_m, math.degrees(shell.inclination_rad)
        self.shells.append((altitude_m, inclination_deg, shell.mean_fraction))
        self.rows += [(altitude_m, inclination_deg, c) for c in candidates]
        self.write(None)

    def write(self, best: Candidate | None) -> None:
        self.run.table("sizing_candidates", self.candidates(best))
        self.run.table("sizing_shells", self.shell_columns(best))

    def candidates(self, best: Candidate | None) -> Columns:
        rows = self.rows
        return {
            "altitude_m": [h for h, _, _ in rows],
            "inclination_deg": [i for _, i, _ in rows],
            "planes": [c.planes for _, _, c in rows],
            "per_plane": [_n(c.per_plane) for _, _, c in rows],
            "satellites": [_n(c.satellites) for _, _, c in rows],
            "met": [c.satellites is not None for _, _, c in rows],
            "searched_up_to": [c.searched_up_to for _, _, c in rows],
            # NaN and -1: nothing of this geometry evaluated (the mean in reach ruled it out).
            "achieved_confidence": [_nan(c.achieved_confidence) for _, _, c in rows],
            "mean_in_reach": [_nan(c.mean_in_reach) for _, _, c in rows],
            "min_in_reach": [_n(c.min_in_reach) for _, _, c in rows],
            "best": [c is best for _, _, c in rows],
        }

    def shell_columns(self, best: Candidate | None) -> Columns:
        fewest, holds_best = [], []
        for altitude_m, inclination_deg, _ in self.shells:
            mine = [c for h, i, c in self.rows if (h, i) == (altitude_m, inclination_deg)]
            met = [c.satellites for c in mine if c.satellites is not None]
            fewest.append(min(met, default=-1))
            holds_best.append(any(c is best for c in mine))
        return {
            "altitude_m": [s[0] for s in self.shells],
            "inclination_deg": [s[1] for s in self.shells],
            "mean_fraction_in_reach": [s[2] for s in self.shells],
            "fewest_satellites": fewest,
            "best": holds_best,
        }


def stored_size(
    spec: SizingSpec,
    values: Mapping[str, Any] | None,
    runs_dir: str | Path,
    progress: Callable[[str, int, int], None] | None = None,
    preset: SizingPreset | None = None,
    given: dict[str, Any] | None = None,
) -> tuple[SizingAnswer, dict[str, Any]]:
    """:func:`~goldendome.studies.sizing.question.size`, written to a new run folder under
    ``runs_dir`` (its path in the answer's ``run_folder``).

    Parameters
    ----------
    spec : SizingSpec
        The validated question (``sizing_spec(values)``).
    values : mapping, optional
        The values it was validated from (file units), stored as the question.
    runs_dir : str or Path
    progress : callable, optional
        ``progress(stage, done, total)`` after each shell.
    preset : SizingPreset, optional
        The published study whose question ``values`` pose (with ``given``, the user's
        changes, put over it): its comparison goes to the answer's ``preset`` and the
        manifest's ``run.preset``.
    given : dict, optional

    Raises
    ------
    KeyboardInterrupt
        Re-raised after the manifest is marked ``interrupted`` (finished shells kept).
    """
    question = question_values(values)
    header = "goldendome size: the sizing question, in file units, over data/sbi_assumptions.toml"
    if preset is not None:
        header += f" (preset {preset.name} of data/sizing_presets.toml, with the user's changes)"
    text = toml_text(question, [header])
    with study_folder(
        runs_dir,
        f"size-{spec.threat if preset is None else preset.name}",
        study="size",
        scenario_name="sbi-sizing",
        scenario_text=text,
        facts={"question": question},
    ) as run:
        tables = _Tables(run)
        with run.stage("search"):
            answer, assumed = size(spec, progress, tables.keep)
        if preset is not None:
            answer = with_published(preset, answer, given)
            run.facts.update(preset=answer.preset)
        best = answer.best
        run.facts.update(
            assumptions=assumed,
            satellites=None if best is None else best.satellites,
            needed_in_reach=answer.needed_in_reach,
            engagement_window_s=list(answer.engagement_window_s),
            effective_ground_reach_m=(
                answer.effective_reach_km * 1e3
                if math.isfinite(answer.effective_reach_km)
                else None
            ),
        )
        with run.stage("tables"):
            tables.write(best)
            run.table(
                "sizing_launch_times",
                {"launch_time_s": answer.launch_times_s, "in_reach": answer.in_reach_over_time},
            )
            run.table(
                "sizing_latitudes",
                {
                    "latitude_deg": [lat for lat, _ in answer.coverage_by_latitude],
                    "mean_in_reach": [n for _, n in answer.coverage_by_latitude],
                },
            )
    return dataclasses.replace(answer, run_folder=run.path), assumed

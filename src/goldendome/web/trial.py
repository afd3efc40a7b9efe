"""One trial's story, read from a run folder: which trial the globe shows, its shots, and the
fate of every object of the raid in it (flew to impact, killed at a time, never released).

The stored trajectories are the raid's nominal flight, the same in every trial; a trial only
decides which objects die and when. Nothing here reruns physics.
"""

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.results.reader import ColumnData, RunReader


class TrialError(ValueError):
    """A trial that the run folder does not hold (the message says which ones it does)."""


@dataclass(frozen=True)
class TrialStory:
    """What happened in one trial.

    Attributes
    ----------
    trial : int
        The trial index.
    shots : dict of str to (n_shot,) arrays
        The trial's rows of ``engagements``, in firing order.
    killed_at_s : dict of int to float
        Object id -> time of the shot that killed it (seconds on the scenario clock).
    never_released : set of int
        Released objects (RVs, decoys) whose missile was killed before their release.
    leaks : list of int
        RVs that reached a defended asset's area (object ids).
    trial_row : dict
        The trial's row of ``trials`` (leakers, kills by layer, rounds fired, ...).
    """

    trial: int
    shots: ColumnData
    killed_at_s: dict[int, float]
    never_released: set[int]
    leaks: list[int]
    trial_row: dict[str, Any]


def representative_trial(run: RunReader) -> int:
    """The trial the globe shows when none is asked for: the first trial whose number of
    leakers is the median over the trials (lower median), so the picture is neither the
    luckiest nor the worst outcome.

    Raises
    ------
    TrialError
        If the run holds no trials.
    """
    if not run.has("trials"):
        raise TrialError(f"{run.path}: holds no Monte Carlo trials to show.")
    trials = run.columns("trials")
    if trials["trial"].size == 0:
        raise TrialError(f"{run.path}: holds no Monte Carlo trials to show.")
    leakers = np.asarray(trials["leakers"])
    median = np.sort(leakers)[(leakers.size - 1) // 2]
    order = np.argsort(trials["trial"], kind="stable")
    chosen = order[leakers[order] == median][0]
    return int(trials["trial"][chosen])


def trial_story(run: RunReader, trial: int | None = None) -> TrialStory:
    """The shots of ``trial`` (the representative one when None) and each object's fate.

    Raises
    ------
    TrialError
        If the run holds no trial of that index.
    """
    chosen = representative_trial(run) if trial is None else trial
    trials = run.columns("trials")
    rows = np.flatnonzero(trials["trial"] == chosen)
    if rows.size == 0:
        low, high = int(trials["trial"].min()), int(trials["trial"].max())
        raise TrialError(
            f"trial {chosen}: not in {run.path} (it holds trials {low} to {high}); give one "
            "of those, or leave the trial out for the representative one."
        )
    trial_row = {k: v[rows[0]].item() for k, v in trials.items()}
    shots = _trial_shots(run, chosen)
    killed: dict[int, float] = {}
    for target, t_s, kill in zip(
        shots["target_object_id"], shots["intercept_time_s"], shots["kill"], strict=True
    ):
        if kill and target >= 0:
            killed[int(target)] = min(killed.get(int(target), math.inf), float(t_s))
    objects = run.columns("objects")
    never: set[int] = set()
    leaks: list[int] = []
    for i, object_id in enumerate(objects["object_id"]):
        oid, threat = int(object_id), int(objects["threat_id"][i])
        release = float(objects["release_time_s"][i])
        missile_death = killed.get(threat, math.inf)  # object j is missile j until release
        if not math.isnan(release) and missile_death <= release:
            never.add(oid)
            continue
        if oid not in killed and objects["kind"][i] == "rv" and int(objects["asset_id"][i]) >= 0:
            leaks.append(oid)
    return TrialStory(chosen, shots, killed, never, leaks, trial_row)


def _trial_shots(run: RunReader, trial: int) -> ColumnData:
    """The rows of ``engagements`` of one trial, in firing order."""
    import pyarrow.compute as pc

    table = run.arrow("engagements")
    table = table.filter(pc.equal(table["trial"], trial))
    columns = {c: table.column(c).to_numpy(zero_copy_only=False) for c in table.column_names}
    order = np.argsort(columns["shot"], kind="stable")
    return {c: v[order] for c, v in columns.items()}

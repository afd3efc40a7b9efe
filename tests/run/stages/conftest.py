"""The stages run once per session on a small scenario (and, for slow tests, on the default
scenario), into a recording sink; the stage tests read what they produced."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from goldendome.engagement.picture import KillChainSetup
from goldendome.run.context import RunContext
from goldendome.run.stages import sensing as sensing_stage
from goldendome.run.stages.architecture import run_architecture
from goldendome.run.stages.boost import run_boost
from goldendome.run.stages.kill_chain import SensedObjects, build_setup, setup_tables
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import run_sensing
from goldendome.scenario.spec import ScenarioSpec
from goldendome.tracking.tracker import TrackLog
from tests.run.recording_sink import RecordingSink
from tests.small_scenario import small_spec


@dataclass
class Staged:
    """What the stages produced on one scenario.

    ``log`` and ``truth_object`` are what the sensing stage gave the track scoring: the
    tracker's record and the object that made each measurement.
    """

    ctx: RunContext
    sink: RecordingSink
    sensed: SensedObjects | None = None
    setup: KillChainSetup | None = None
    log: TrackLog | None = None
    truth_object: np.ndarray[Any, Any] = field(default_factory=lambda: np.empty(0, np.int64))
    propagations: dict[str, int] = field(default_factory=dict)

    def table(self, name: str) -> dict[str, np.ndarray[Any, Any]]:
        return self.sink.tables[name]


STAGES = ("architecture", "raid", "boost", "sensing", "kill_chain")


def run_stages(spec: ScenarioSpec, stages: tuple[str, ...] = STAGES) -> Staged:
    """Run ``stages`` in pipeline order, noting the layer propagations after each."""
    staged = Staged(RunContext(spec), RecordingSink())
    ctx, sink = staged.ctx, staged.sink
    real = sensing_stage.track_owners

    def spy(log: TrackLog, truth_object: np.ndarray[Any, Any], n_objects: int, *rest: Any) -> Any:
        staged.log, staged.truth_object = log, truth_object
        return real(log, truth_object, n_objects, *rest)

    for stage in stages:
        if stage == "architecture":
            run_architecture(ctx, sink)
        elif stage == "raid":
            run_raid(ctx, sink)
        elif stage == "boost":
            run_boost(ctx, sink)
        elif stage == "sensing":
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(sensing_stage, "track_owners", spy)
                staged.sensed = run_sensing(ctx, sink)
        else:
            staged.setup = build_setup(ctx, staged.sensed)
            setup_tables(ctx, staged.setup, sink)
        staged.propagations[stage] = ctx.propagations()
    return staged


@pytest.fixture(scope="session")
def staged() -> Staged:
    """Every stage on ``SMALL_DEFENDED`` (about a second)."""
    return run_stages(small_spec())


@pytest.fixture(scope="session")
def default_staged() -> Staged:
    """The raid, boost and sensing stages on the default scenario (about 15 s)."""
    from goldendome.api import default_scenario

    return run_stages(default_scenario(), ("raid", "boost", "sensing"))

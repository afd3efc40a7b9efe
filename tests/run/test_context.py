"""The run context: every layer propagated once per grid and phasing, the raid flown once, the
sensors built once, and named random streams that never depend on how work is split."""

import numpy as np
import pytest

from goldendome.run import context as context_module
from goldendome.run.context import RunContext
from goldendome.run.monte_carlo import run_chunk
from goldendome.run.stages.architecture import run_architecture
from goldendome.run.stages.boost import boost_sampler, run_boost
from goldendome.run.stages.kill_chain import build_setup
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import run_sensing
from goldendome.run.streams import STREAMS, Streams
from tests.engagement.kill_chain_fixture import synthetic_setup
from tests.run.recording_sink import RecordingSink
from tests.small_scenario import small_spec


def _every_stage(ctx: RunContext) -> None:
    sink = RecordingSink()
    run_architecture(ctx, sink)
    run_raid(ctx, sink)
    run_boost(ctx, sink)
    build_setup(ctx, run_sensing(ctx, sink))


@pytest.fixture(scope="module")
def flown():
    """A fresh context on the small defended scenario, every stage run once, counting how
    often the raid was flown."""
    calls = []
    real = context_module.fly_raid

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(context_module, "fly_raid", counting)
        ctx = RunContext(small_spec())
        assert ctx.propagations() == 0  # building the context propagates nothing
        _every_stage(ctx)
    return ctx, calls


def test_each_layer_is_propagated_once_per_grid_and_phasing(flown):
    ctx, _ = flown
    # Infrared layers: the clock grid and half a second either side (velocities); the SBI
    # layer: the clock grid. Its boost samples are the sampler's (the boost stage computed
    # sample 0 only; the trials compute theirs where they run).
    expected = {"tracking": 3, "geo": 3, "sbi": 1}
    assert {name: layer.propagations for name, layer in ctx.layers.items()} == expected
    assert ctx.propagations() == 7
    assert boost_sampler(ctx).propagations == 1


def test_stages_asking_again_propagate_nothing_more(flown):
    ctx, _ = flown
    _every_stage(ctx)
    sampler = boost_sampler(ctx)
    for phase in range(ctx.spec.monte_carlo.phase_samples):
        sampler.sample(phase)
        sampler.sample(phase)
    assert ctx.propagations() == 7
    assert sampler.propagations == ctx.spec.monte_carlo.phase_samples


def test_the_raid_is_flown_once_however_many_stages_read_it(flown):
    ctx, calls = flown
    assert ctx.raid is ctx.raid
    assert len(calls) == 1


def test_the_sensors_are_built_once(flown):
    ctx, _ = flown
    assert ctx.sensors is ctx.sensors
    assert [s.sensor_id for s in ctx.sensors] == [0, 1, 2]


def test_a_named_stream_is_the_matching_child_of_the_seed():
    for name, k in STREAMS.items():
        mine = Streams(2029).sequence(name)
        theirs = np.random.SeedSequence(2029).spawn(len(STREAMS))[k]
        assert mine.spawn_key == theirs.spawn_key == (k,)
        assert mine.generate_state(8).tolist() == theirs.generate_state(8).tolist()
    assert Streams(2029).sequence("deployment").generate_state(4).tolist() == (
        np.random.SeedSequence(2029).spawn(5)[0].generate_state(4).tolist()
    )


def test_streams_differ_from_one_another_and_between_seeds():
    states = {n: tuple(Streams(1).sequence(n).generate_state(4)) for n in STREAMS}
    assert len(set(states.values())) == len(STREAMS)
    assert Streams(1).generator("sensing").random() != Streams(2).generator("sensing").random()


def test_an_unknown_stream_is_refused_with_the_names_of_the_streams():
    with pytest.raises(KeyError, match="no random stream 'economy'; the streams are: deployment"):
        Streams(1).sequence("economy")


def test_trial_k_is_a_grandchild_of_the_monte_carlo_stream():
    trial = Streams(7).trial(3)
    theirs = np.random.SeedSequence(7).spawn(5)[STREAMS["monte_carlo"]].spawn(4)[3]
    assert trial.generate_state(4).tolist() == theirs.generate_state(4).tolist()


def test_trial_streams_do_not_depend_on_the_chunking():
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    whole_trials, whole_shots, _ = run_chunk((setup, 11, 12), range(12))
    first, shots_first, _ = run_chunk((setup, 11, 12), range(5))
    rest, shots_rest, _ = run_chunk((setup, 11, 12), range(5, 12))
    for column, values in whole_trials.items():
        np.testing.assert_array_equal(values, np.concatenate([first[column], rest[column]]))
    for column, values in whole_shots.items():
        np.testing.assert_array_equal(
            values, np.concatenate([shots_first[column], shots_rest[column]])
        )
    assert set(whole_shots["kill"].tolist()) == {True, False}  # the draws do differ

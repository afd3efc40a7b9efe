"""A space layer streamed in blocks of satellites: the same positions as one propagation,
bounded blocks, one propagation per pass, and progress after each block."""

import itertools

import numpy as np
import pytest

from goldendome.run.context import RunContext
from goldendome.run.layers import block_rows
from goldendome.run.stages.architecture import run_architecture
from tests.run.recording_sink import RecordingSink
from tests.small_scenario import small_spec


def test_blocks_are_the_propagation_cut_in_bounded_pieces() -> None:
    ctx = RunContext(small_spec())
    layer = ctx.layers["sbi"]
    t_s = ctx.clock.t_s
    budget = 24 * t_s.size * 7  # seven satellites per block
    assert block_rows(t_s.size, budget) == 7
    seen, parts = [], []
    for rows, r in layer.blocks("clock", t_s, 3, 4, max_bytes=budget):
        assert r.shape == (rows.stop - rows.start, t_s.size, 3)
        assert r.nbytes <= budget
        seen.append(rows)
        parts.append(r.copy())  # the next block reuses the buffer
    assert seen[0].start == 0
    assert seen[-1].stop == layer.n_satellites
    assert all(a.stop == b.start for a, b in itertools.pairwise(seen))
    assert layer.propagations == 1  # one pass, however many blocks
    whole = layer.positions_eci("clock", t_s, 3, 4)
    np.testing.assert_array_equal(np.concatenate(parts), whole)
    assert layer.propagations == 2


def test_a_cached_propagation_is_streamed_without_propagating_again() -> None:
    ctx = RunContext(small_spec())
    layer = ctx.layers["sbi"]
    t_s = ctx.clock.t_s
    whole = layer.positions_eci("clock", t_s)
    blocks = list(layer.blocks("clock", t_s, max_bytes=24 * t_s.size * 5))
    assert layer.propagations == 1
    np.testing.assert_array_equal(np.concatenate([r for _, r in blocks]), whole)
    assert all(np.shares_memory(r, whole) for _, r in blocks)


def test_architecture_reports_progress_within_a_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    from goldendome.run import layers

    monkeypatch.setattr(layers, "BLOCK_BYTES", 1)  # one satellite per block
    ctx, sink = RunContext(small_spec()), RecordingSink()
    run_architecture(ctx, sink)
    done = [d for stage, d, _ in sink.progress_calls if stage == "propagating satellites"]
    totals = {t for stage, _, t in sink.progress_calls if stage == "propagating satellites"}
    assert totals == {ctx.n_satellites}
    assert done == sorted(done)
    assert done[-1] == ctx.n_satellites
    assert len(done) > len(ctx.layers)  # more often than once per layer

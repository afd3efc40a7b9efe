"""Anti-simulation against the midcourse layer alone (issue 15, deliverable 1).

Sessler et al., *Countermeasures* (UCS/MIT, 2000) argue that a warhead dressed as a decoy
among decoys it cannot be told from leaves the defense two bad choices: engage everything
and run out of interceptors, or spare what looks like a decoy and let warheads through.
With perfect joint fidelity (nothing can tell them), ten warheads and thirty decoys, no
space-based interceptors and only the 44 GBIs, a battle manager that knows it faces
anti-simulation and keeps the default doctrine (engage what might be a warhead: a chance of
5% or more) must spend all 44 GBIs in at least 95% of trials, and
P(zero leakers) must be at most 0.05. Tolerances: the issue's, on 200 trials (a binomial
share of 0.95 or more has a standard error below 0.016).
"""

import tomllib
from pathlib import Path

import numpy as np
import pytest

from goldendome import api
from goldendome.data.loader import catalog_text
from goldendome.results.reader import open_run

pytestmark = pytest.mark.slow


def _changes() -> dict[str, object]:
    default = tomllib.loads(catalog_text("default_scenario.toml"))
    changes: dict[str, object] = {"sbi": None, "space.sbi_layer": None}
    for i in range(len(default["threats"]["raid"])):
        changes[f"threats.raid[{i}].decoys"] = 3
        changes[f"threats.raid[{i}].decoy_type"] = "anti_simulation"
    for i, site in enumerate(default["sites"]):
        kept = [b for b in site.get("interceptors", []) if b["type"] == "gbi"]
        if "interceptors" in site and kept != site["interceptors"]:
            changes[f"sites[{i}].interceptors"] = kept or None
    changes["discrimination"] = {"decoy_type": {"anti_simulation": {"joint_fidelity": 1.0}}}
    # The battle manager knows what it faces (else it spares the dressed warheads, called
    # decoys like the balloons they hide in, and all ten leak: docs/uncertainty.md).
    changes["doctrine.assumed_decoy_type"] = "anti_simulation"
    return changes


def test_perfect_anti_simulation_exhausts_the_gbis_and_warheads_leak(tmp_path: Path):
    stored = api.run(changes=_changes(), trials=200, workers=0, runs_dir=tmp_path)
    run = open_run(stored.folder.path)
    objects = run.columns("objects")
    assert np.sum(objects["kind"] == "rv") == 10
    assert np.sum(objects["kind"] == "decoy") == 30
    batteries = run.columns("batteries")
    assert set(batteries["interceptor"]) == {"gbi"}
    assert int(np.sum(batteries["rounds"])) == 44
    trials = run.columns("trials")
    exhausted = np.mean(trials["interceptors_fired"] == 44)
    p_zero = np.mean(trials["leakers"] == 0)
    assert exhausted >= 0.95, f"GBIs exhausted in {exhausted:.1%} of trials"
    assert p_zero <= 0.05, f"P(zero leakers) = {p_zero:.3f}"
    calls = run.columns("object_calls")
    rv = calls["kind"] == "rv"
    # Nothing tells a warhead from a decoy: a dressed warhead is called as its decoys are
    # (each object's own looks differ a little), never a warhead.
    assert (calls["p_called_warhead"] == 0).all()
    assert abs(calls["p_called_decoy"][rv].mean() - calls["p_called_decoy"][~rv].mean()) < 0.02
    # ... and the battle manager, knowing it, engages whatever the call.
    assert calls["engaged_if_called_decoy"].all()
    assert calls["engaged_if_unknown"].all()

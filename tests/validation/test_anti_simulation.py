"""Anti-simulation against the midcourse layer alone (issue 15, deliverable 1).

Sessler et al., *Countermeasures* (UCS/MIT, 2000) argue that a warhead dressed as a decoy
among decoys it cannot be told from leaves the defense two bad choices: engage everything
and run out of interceptors, or spare what looks like a decoy and let warheads through.
With perfect joint fidelity (nothing can tell them), ten warheads and thirty decoys, no
space-based interceptors and only the 44 GBIs, the battle manager's default doctrine
(engage what might be a warhead) must spend all 44 GBIs in at least 95% of trials, and
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
    assert (calls["p_unknown"] == 1.0).all()  # nothing told any object

"""The timeline flies its raid once and hands it to every year's run: each year's run folder
holds exactly the tables an independent run of that year's scenario writes (same seed), in
this process and in worker processes; a raid flown for another scenario is refused."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from goldendome import api
from goldendome.run.context import RunContext, SharedRaid
from goldendome.scenario.loader import parse_toml
from goldendome.studies.changed_run import run_mapping
from goldendome.studies.timeline.architecture import year_mapping
from goldendome.studies.timeline.elements import timeline_elements
from tests.small_scenario import small_spec

TRIALS = 12
#: 2027: the midcourse and terminal layers; 2028: the first SBIs (a boost layer) too.
YEARS = (2027, 2028)


def _tables(folder: Path) -> dict[str, object]:
    """Every table of a run folder (a parted table's parts in order), and its summary (less
    the folder's own path)."""
    summary = json.loads((folder / "summary.json").read_text())
    assert summary.pop("run_folder") == str(folder)
    out: dict[str, object] = {"summary": summary}
    for path in sorted(folder.rglob("*.parquet")):
        out[str(path.relative_to(folder))] = pq.read_table(path).to_pandas()
    return out


def _same_folders(mine: Path, theirs: Path) -> None:
    a, b = _tables(mine), _tables(theirs)
    assert sorted(a) == sorted(b)
    for name, table in a.items():
        other = b[name]
        if name == "summary":
            assert table == other, "summary.json differs"
        else:  # bit for bit, NaN where NaN
            pd.testing.assert_frame_equal(table, other, check_exact=True, obj=name)


def _independent_runs(runs: Path) -> dict[int, Path]:
    """Each year of ``YEARS`` run on its own (its own raid), as ``goldendome run`` would."""
    spec, text = api.read_scenario(None)
    plan = api.timeline(first_year=YEARS[0], last_year=YEARS[-1], kill_chain=False)
    data = parse_toml(text, spec.name)
    elements = timeline_elements(spec)
    out = {}
    for year in plan.years:
        mapping = year_mapping(data, elements, year.fielded)
        label = f"{spec.name} in {year.year}"
        comment = f"{spec.name}: the architecture of {year.year}"
        stored = run_mapping(mapping, label, runs, TRIALS, 0, comment=comment)
        out[year.year] = stored.folder.path
    return out


@pytest.fixture(scope="module")
def independent(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return _independent_runs(tmp_path_factory.mktemp("independent"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_year_equals_an_independent_run_of_its_scenario(
    tmp_path: Path, independent: dict[int, Path], jobs: int
) -> None:
    result = api.timeline(
        first_year=YEARS[0],
        last_year=YEARS[-1],
        trials=TRIALS,
        runs_dir=tmp_path,
        jobs=jobs,
    )
    assert [y.year for y in result.years] == list(YEARS)
    layers = [y.layers for y in result.years]
    assert layers[0] != layers[1]  # two architectures: the raid served two different runs
    for year in result.years:
        assert year.kill_chain is not None
        assert year.kill_chain["same_as"] is None
        _same_folders(Path(year.kill_chain["run_folder"]), independent[year.year])


def test_the_shared_raid_is_read_only_and_refused_to_another_scenario() -> None:
    spec = small_spec()
    shared = SharedRaid.fly(spec)
    assert shared.raid is not None
    with pytest.raises(ValueError, match="read-only"):
        shared.raid.scene.r_eci_m[0, 0, 0] = 0.0
    with pytest.raises(ValueError, match="read-only"):
        shared.raid.flight.y_eci[...] = np.nan
    assert RunContext(spec, shared).raid is shared.raid
    other = spec.model_copy(update={"seed": spec.seed + 1})
    with pytest.raises(ValueError, match="another seed, time window or raid"):
        RunContext(other, shared)

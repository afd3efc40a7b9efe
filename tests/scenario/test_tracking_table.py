"""``[tracking]`` of a scenario: the tracker's settings from a file (issue 18: "tracker
settings not settable from a scenario file"), checked like every other table, and used by
the run's tracker."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import default_scenario_text, load_scenario_text
from goldendome.tracking.tracker import TrackerSettings
from tests.small_scenario import SMALL_DEFENDED, small_spec


def _with(table: str):
    return load_scenario_text(default_scenario_text() + "\n[tracking]\n" + table, "s.toml")


def test_an_absent_table_keeps_every_tracker_default():
    spec = load_scenario_text(default_scenario_text(), "s.toml")
    assert spec.tracking.settings() == TrackerSettings()


def test_given_keys_replace_the_defaults_and_only_them():
    spec = _with(
        'association = "gnn"\nfire_control_sigma_m = 250\nlevel_flight = false\n'
        "merge_resolve_beta = 0.3\n"
    )
    got, default = spec.tracking.settings(), TrackerSettings()
    assert (got.association, got.fire_control_sigma_m, got.level_flight) == ("gnn", 250.0, False)
    assert (got.merge_resolve_beta, default.merge_resolve_beta) == (0.3, 0.0)
    assert got.merge_radius_m == default.merge_radius_m
    assert got.fire_control_glide_velocity_sigma_m_s == 200.0  # the tracker's default


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("fire_control_sigma_m = -5.0", "tracking.fire_control_sigma_m = -5"),
        ('association = "kalman"', "tracking.association"),
        ("confirm_hits = 0", "tracking.confirm_hits = 0"),
        ("merge_radiu_m = 10.0", "tracking.merge_radiu_m"),
    ],
)
def test_a_wrong_value_names_its_path(table, said):
    with pytest.raises(ScenarioError) as info:
        _with(table)
    assert said in str(info.value)


def test_the_run_tracks_with_the_files_settings(tmp_path: Path):
    """A fire-control quality no track can reach (1 m) leaves no track at fire control and
    no surface interceptor fired; the defaults (1 km) give fire-control tracks."""

    def tracks(text: str, where: str):
        spec = small_spec(text)
        stored = run_scenario(
            spec, text, tmp_path / where, options=TrialOptions(trials=2, workers=0)
        )
        run = open_run(stored.folder.path)
        return run.columns("tracks"), run.columns("engagements")

    base, _ = tracks(SMALL_DEFENDED, "default")
    strict, shots = tracks(SMALL_DEFENDED + "\n[tracking]\nfire_control_sigma_m = 1.0\n", "strict")
    assert np.isfinite(np.asarray(base["fire_control_s"])).sum() > 0
    assert np.isfinite(np.asarray(strict["fire_control_s"])).sum() == 0
    assert not set(np.asarray(shots["layer"]).tolist()) & {"midcourse", "terminal"}

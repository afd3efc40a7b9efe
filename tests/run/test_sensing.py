"""The default scenario's sensors against its raid: detections, tracks, timelines."""

import math

import numpy as np
import pytest

from goldendome.api import (
    ScenarioError,
    default_scenario,
    default_scenario_text,
    load_scenario_text,
)
from goldendome.interceptors.ground_based import KIND_NAMES as INTERCEPTOR_KIND_NAMES
from goldendome.run.raid import fly_raid
from goldendome.run.raid_objects import KIND_NAMES
from goldendome.run.sensing import _track_owners, sense_raid
from goldendome.sensors.base import DEFAULT_KIND_NAMES
from goldendome.tracking.tracker import TrackLog


@pytest.fixture(scope="module")
def sensed():
    spec = default_scenario()
    t_s = np.arange(0.0, spec.time.duration_s + 1.0, spec.time.step_s)
    raid = fly_raid(spec, t_s)
    return raid, sense_raid(spec, raid)


def test_every_threat_is_detected_in_boost_and_firmly_tracked(sensed):
    raid, sensing = sensed
    assert len(sensing.timelines) == len(raid.threats)
    for t, threat in zip(sensing.timelines, raid.threats, strict=True):
        burn_s = threat.burnout_time_s - threat.launch_time_s
        assert 0.0 < t.first_detection_s < burn_s  # seen while boosting
        assert t.first_report_s >= t.first_detection_s
        assert t.first_detected_by in {"tracking_layer", "warning_geo", "warning_heo"}
        assert t.firm_track_s >= t.first_detection_s
        assert math.isnan(t.fire_control_s) or t.fire_control_s >= t.firm_track_s
        assert t.objects_with_firm_tracks >= 1


def test_radars_and_infrared_both_contribute(sensed):
    _, sensing = sensed
    kinds = {row.kind.split()[0] for row in sensing.sensors if row.detections > 0}
    assert kinds == {"infrared", "radar"}
    shariki = next(row for row in sensing.sensors if row.name.startswith("Shariki"))
    assert shariki.objects_detected > 10  # the forward radar in Japan sees RVs and decoys
    assert 0.5 < sensing.track_purity <= 1.0


def test_same_seed_same_timelines():
    spec = default_scenario()
    t_s = np.arange(0.0, 1_200.0 + 1.0, spec.time.step_s)
    raid = fly_raid(spec, t_s)
    a, b = sense_raid(spec, raid), sense_raid(spec, raid)
    assert repr(a.timelines) == repr(b.timelines)  # repr: NaN compares equal to itself
    assert a.measurements == b.measurements
    assert a.tracks == b.tracks


def test_radar_looking_below_the_horizon_is_refused():
    text = default_scenario_text().replace(
        "boresight_azimuth_deg = 265.0 }",
        "boresight_azimuth_deg = 265.0, boresight_elevation_deg = -5 }",
    )
    with pytest.raises(ScenarioError) as err:
        load_scenario_text(text, "mine.toml")
    assert (
        "sites[5].radar.boresight_elevation_deg = -5: a radar must look above the horizon"
        in err.value.report()
    )


def test_fire_control_tracks_predict_rv_impacts(sensed):
    """Predicted at the first fire-control-quality track of an RV (ballistic, no drag) and
    compared with where the RV really lands: most within 20 km (a 5-6 km 1-sigma plus the
    range drag takes off). A track that wandered among an RV and its decoys is on none of
    them (``OWNER_SHARE``), so no RV is scored on another object's track: every miss stays
    below 100 km (a swap between the two RVs from Sunan would miss by thousands)."""
    _, sensing = sensed
    miss = np.array([t.impact_error_km for t in sensing.timelines], dtype=float)
    sigma = np.array([t.impact_sigma_km for t in sensing.timelines], dtype=float)
    assert np.isfinite(miss).sum() >= 8
    assert np.sum(miss < 20.0) >= 7
    assert np.nanmax(miss) < 100.0
    assert np.nanmedian(sigma) < 10.0


def test_a_track_is_on_the_object_that_made_at_least_half_its_measurements():
    log = TrackLog(created_s=[0.0] * 3, assigned=np.array([0, 0, 0, 1, 1, 1, 1, 2, -1, 2, 2]))
    truth = np.array([5, 5, 6, 1, 2, 3, 1, 4, 0, 4, 2])
    assert _track_owners(log, truth, 7).tolist() == [5, 1, 4]
    mixed = TrackLog(created_s=[0.0], assigned=np.array([0, 0, 0, 0, 0]))
    assert _track_owners(mixed, np.array([1, 2, 3, 1, 4]), 5).tolist() == [-1]


def test_released_objects_get_looks_and_drawn_labels(sensed):
    raid, sensing = sensed
    kinds = [o.kind for o in sensing.objects]
    assert kinds.count("rv") == len(raid.threats)
    assert kinds.count("decoy") == sum(o.kind == "decoy" for o in raid.objects)
    for o in sensing.objects:
        looks = o.looks_ir_tracking + o.looks_radar_x_band + o.looks_radar_low_band
        assert (looks == 0) == (o.told_probability == 0.0)
        # The ceilings (X band 0.8, infrared 0.5, low band 0.3) bound the combined chance.
        assert 0.0 <= o.told_probability <= 1 - 0.2 * 0.5 * 0.7 + 1e-12
    told = np.array([o.told for o in sensing.objects])
    assert 0 < told.sum() < told.size  # some told, not all: discrimination is imperfect


def test_track_states_show_the_covariance_shrinking(sensed):
    _, sensing = sensed
    by_track: dict[int, list] = {}
    for row in sensing.track_states:
        by_track.setdefault(row.track, []).append(row)
    longest = max(by_track.values(), key=len)
    assert len(longest) > 10
    # It converges from its 10 km start (it grows again in reentry, where the large
    # process noise for unmodelled drag takes over).
    assert min(r.position_sigma_m for r in longest) < 0.1 * longest[0].position_sigma_m
    assert all(r.threat == longest[0].threat for r in longest)


def test_every_layer_names_the_object_kinds_alike():
    # The role packages may not import one another, so each keeps its copy of the names.
    assert KIND_NAMES == DEFAULT_KIND_NAMES == INTERCEPTOR_KIND_NAMES

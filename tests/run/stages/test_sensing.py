"""Stage 4, sensing and tracking: what each sensor saw, the tracks scored after the fact,
timelines, fire control and discrimination, on the small defended scenario (a tracking
layer, a GEO satellite, a radar at Clear), and on the default scenario (slow)."""

import math

import numpy as np
import pytest

from goldendome.run.stages.sensing import SENSORS_STAGE, measure_all, run_sensing
from goldendome.tracking.scoring import OWNER_SHARE, track_owners
from goldendome.tracking.tracker import PROGRESS_STAGE, TrackLog
from tests.run.recording_sink import RecordingSink

SENSING_TABLES = (
    "sensors",
    "threat_timelines",
    "fire_control",
    "discrimination",
    "tracks",
    "track_states",
)
#: The discrimination ceilings (X band 0.8, infrared 0.5, low band 0.3) bound the chance.
TOLD_CEILING = 1 - 0.2 * 0.5 * 0.7


def test_the_stage_writes_its_tables_once_each(staged):
    for name in SENSING_TABLES:
        assert staged.sink.writes.count(name) == 1, name


def test_sensors_are_the_infrared_layers_then_the_radars(staged):
    sensors = staged.table("sensors")
    assert sensors["sensor_id"].tolist() == [0, 1, 2]
    assert sensors["name"].tolist() == ["tracking", "geo", "Clear"]
    assert sensors["kind"].tolist() == ["infrared tracking", "infrared early_warning", "radar lrdr"]
    assert sensors["layer_id"].tolist() == [0, 1, -1]
    assert sensors["site_id"].tolist() == [-1, -1, 0]
    assert (sensors["detections"] > 0).all()
    assert sensors["detections"].sum() == staged.truth_object.size
    n_objects = staged.table("objects")["object_id"].size
    assert (sensors["objects_detected"] <= n_objects).all()


def test_tracks_count_every_assigned_measurement_and_are_scored_by_owner_share(staged):
    tracks, log, truth = staged.table("tracks"), staged.log, staged.truth_object
    assigned = log.assigned >= 0
    assert tracks["measurements"].sum() == assigned.sum() > 0
    assert (
        tracks["measurements"].tolist()
        == np.bincount(log.assigned[assigned], minlength=len(log)).tolist()
    )
    n_objects = staged.table("objects")["object_id"].size
    assert tracks["object_id"].tolist() == track_owners(log, truth, n_objects).tolist()
    owned = tracks["object_id"] >= 0
    assert owned.any()
    assert (tracks["measurements_on_object"] <= tracks["measurements"]).all()
    on = tracks["measurements_on_object"][owned]
    assert (on >= OWNER_SHARE * tracks["measurements"][owned]).all()
    assert (tracks["measurements_on_object"][~owned] == 0).all()


def test_a_track_is_on_the_object_that_made_at_least_half_its_measurements():
    log = TrackLog(created_s=[0.0] * 3, assigned=np.array([0, 0, 0, 1, 1, 1, 1, 2, -1, 2, 2]))
    truth = np.array([5, 5, 6, 1, 2, 3, 1, 4, 0, 4, 2])
    assert track_owners(log, truth, 7).tolist() == [5, 1, 4]
    mixed = TrackLog(created_s=[0.0], assigned=np.array([0, 0, 0, 0, 0]))
    assert track_owners(mixed, np.array([1, 2, 3, 1, 4]), 5).tolist() == [-1]


def test_object_and_threat_ids_agree_across_the_tables(staged):
    objects = staged.table("objects")
    threat_of = objects["threat_id"]
    n_missile = staged.ctx.raid.n_missiles
    released = objects["object_id"][n_missile:]
    tracks, states = staged.table("tracks"), staged.table("track_states")
    owned = tracks["object_id"] >= 0
    assert (tracks["threat_id"][owned] == threat_of[tracks["object_id"][owned]]).all()
    assert (tracks["threat_id"][~owned] == -1).all()
    assert (states["object_id"] == tracks["object_id"][states["track_id"]]).all()
    assert (states["threat_id"] == tracks["threat_id"][states["track_id"]]).all()
    fc = staged.table("fire_control")
    assert np.isin(fc["object_id"], released).all()
    assert (np.diff(fc["object_id"]) > 0).all()
    labels = staged.table("discrimination")
    assert labels["object_id"].tolist() == released.tolist()
    assert (labels["threat_id"] == threat_of[labels["object_id"]]).all()
    assert (labels["kind"] == objects["kind"][labels["object_id"]]).all()
    timelines = staged.table("threat_timelines")
    assert timelines["threat_id"].tolist() == list(range(n_missile))
    assert timelines["objects"].tolist() == np.bincount(threat_of, minlength=n_missile).tolist()


def test_what_the_kill_chain_is_told_is_what_the_tables_hold(staged):
    sensed, n_missile = staged.sensed, staged.ctx.raid.n_missiles
    fc, labels = staged.table("fire_control"), staged.table("discrimination")
    k = fc["object_id"] - n_missile
    assert sensed.fire_control_s[k].tolist() == fc["fire_control_time_s"].tolist()
    assert sensed.impact_sigma_m[k].tolist() == fc["impact_sigma_m"].tolist()
    never = np.setdiff1d(np.arange(sensed.fire_control_s.size), k)
    assert np.isnan(sensed.fire_control_s[never]).all()
    told = sensed.told_probability[labels["object_id"] - n_missile]
    assert told.tolist() == labels["told_probability"].tolist()


def test_timelines_run_from_detection_to_fire_control(staged):
    t, sensors = staged.table("threat_timelines"), staged.table("sensors")
    assert (t["first_detection_s"] > 0).all()
    assert (t["first_report_s"] >= t["first_detection_s"]).all()
    latency = sensors["report_latency_s"][t["first_detected_by"]]
    assert (t["first_report_s"] <= t["first_detection_s"] + latency).all()
    assert (t["firm_track_s"] >= t["first_detection_s"]).all()
    assert (t["fire_control_s"] >= t["firm_track_s"]).all()
    for tracked_by in t["tracked_by"]:
        ids = [int(s) for s in tracked_by.split(",")]
        assert len(set(ids)) == len(ids)
        assert set(ids) <= set(sensors["sensor_id"].tolist())
    assert (t["objects_with_firm_tracks"] <= t["objects"]).all()
    assert np.isfinite(t["impact_sigma_m"]).all()
    assert (t["impact_sigma_m"] > 0).all()


def test_released_objects_get_looks_and_drawn_labels(staged):
    labels = staged.table("discrimination")
    looks = (
        labels["looks_ir_tracking"] + labels["looks_radar_x_band"] + labels["looks_radar_low_band"]
    )
    assert (labels["looks_radar_x_band"] == 0).all()  # no X-band radar in this scenario
    assert ((looks == 0) == (labels["told_probability"] == 0.0)).all()
    assert ((labels["told_probability"] >= 0) & (labels["told_probability"] <= TOLD_CEILING)).all()
    assert labels["told"].dtype == bool


def test_track_states_follow_each_track_in_time(staged):
    states = staged.table("track_states")
    for k in np.unique(states["track_id"]):
        t = states["t_s"][states["track_id"] == k]
        assert (np.diff(t) > 0).all()
    assert (states["position_sigma_m"] > 0).all()
    assert (states["velocity_sigma_m_s"] > 0).all()
    # No object flies above 2,000 km. (No lower bound: a track coasting on a ballistic
    # prediction can take a measurement while predicted below the ground.)
    assert np.isfinite(states["altitude_m"]).all()
    assert (states["altitude_m"] < 2_000e3).all()


def test_same_context_same_seed_same_tables(staged):
    """Sensing again on the same context draws the same detections, tracks and labels."""
    again = RecordingSink()
    run_sensing(staged.ctx, again)
    for name in SENSING_TABLES:
        for column, values in staged.table(name).items():
            np.testing.assert_array_equal(again.tables[name][column], values, err_msg=name)


def _longest_track(states):
    ids, counts = np.unique(states["track_id"], return_counts=True)
    return states["track_id"] == ids[counts.argmax()]


def test_track_states_show_the_covariance_shrinking(staged):
    states = staged.table("track_states")
    longest = _longest_track(states)
    sigma = states["position_sigma_m"][longest]
    assert sigma.size > 10
    # It converges from its 10 km start.
    assert sigma.min() < 0.1 * sigma[0]
    assert np.unique(states["threat_id"][longest]).size == 1


@pytest.mark.slow
class TestDefaultScenario:
    """The default scenario's sensors against its raid (ten missiles, six decoys)."""

    def test_every_threat_is_detected_in_boost_and_firmly_tracked(self, default_staged):
        t, threats = default_staged.table("threat_timelines"), default_staged.table("threats")
        sensors = default_staged.table("sensors")
        burn_s = threats["burnout_time_s"] - threats["launch_time_s"]
        assert ((t["first_detection_s"] > 0) & (t["first_detection_s"] < burn_s)).all()
        assert (t["first_report_s"] >= t["first_detection_s"]).all()
        first_by = set(sensors["name"][t["first_detected_by"]].tolist())
        assert first_by <= {"tracking_layer", "warning_geo", "warning_heo"}
        assert (t["firm_track_s"] >= t["first_detection_s"]).all()
        fire = t["fire_control_s"]
        assert all(
            math.isnan(f) or f >= firm for f, firm in zip(fire, t["firm_track_s"], strict=True)
        )
        assert (t["objects_with_firm_tracks"] >= 1).all()

    def test_radars_and_infrared_both_contribute(self, default_staged):
        sensors, tracks = default_staged.table("sensors"), default_staged.table("tracks")
        kinds = {
            k.split()[0] for k, d in zip(sensors["kind"], sensors["detections"], strict=True) if d
        }
        assert kinds == {"infrared", "radar"}
        shariki = [n.startswith("Shariki") for n in sensors["name"]]
        assert sensors["objects_detected"][shariki][0] > 10  # the forward radar sees RVs and decoys
        purity = tracks["measurements_on_object"].sum() / tracks["measurements"].sum()
        assert 0.5 < purity <= 1.0

    def test_the_tracker_holds_the_default_raid_to_the_issue_goal(self, default_staged):
        """Issue 14's goal on the default raid: at least 90% of assigned measurements on
        their track's own object, at most 1.5 confirmed tracks per object (26 objects: ten
        missiles, each the boosting missile and then its spent stage, ten RVs, six decoys;
        measured 94.1% and 1.50 when the spent stages were added). Since two tracks that
        took measurements of one sensor's scan are no longer merged (a warhead leaving its
        post-boost vehicle kept its own track; goldendome.tracking.merge) the raid has 42
        firm tracks, 1.62 an object: three more, short tracks a sensor resolved beside a
        stage separating at burnout, owned by the stage. Issue 14's 1.5 is no longer met
        (docs/sensors.md says so); this bound keeps the regression from growing."""
        tracks, objects = default_staged.table("tracks"), default_staged.table("objects")
        purity = tracks["measurements_on_object"].sum() / tracks["measurements"].sum()
        assert purity >= 0.90
        firm = np.isfinite(tracks["firm_track_s"]).sum()
        assert firm / objects["object_id"].size <= 1.65

    def test_fire_control_tracks_predict_rv_impacts(self, default_staged):
        """Predicted at the first fire-control-quality track of an RV (ballistic, no drag)
        and compared with where the RV really lands. Fire-control quality (1 km, 50 m/s)
        comes soon after burnout, on the bus that carries the RV, so the first prediction
        is coarse (a 50 m/s error over half an hour is tens of km): every miss lies within
        three of its own 1-sigma plus 10 km for the drag the prediction leaves out, and most
        within 20 km. A track that wandered among an RV and its decoys is on none of them
        (``OWNER_SHARE``), so no RV is scored on another object's track: every miss stays
        below 500 km (a swap between two RVs of missiles from one area would miss by
        thousands)."""
        t = default_staged.table("threat_timelines")
        miss, sigma = t["impact_error_m"], t["impact_sigma_m"]
        assert np.isfinite(miss).sum() >= 8
        ok = np.isfinite(miss)
        assert (miss[ok] < 3.0 * sigma[ok] + 10e3).all()
        assert np.sum(miss < 20e3) >= 7
        assert np.nanmax(miss) < 500e3
        assert np.nanmedian(sigma) < 20e3

    def test_released_objects_get_looks_and_drawn_labels(self, default_staged):
        labels, objects = default_staged.table("discrimination"), default_staged.table("objects")
        assert np.sum(labels["kind"] == "rv") == 10
        assert np.sum(labels["kind"] == "decoy") == np.sum(objects["kind"] == "decoy") == 6
        looks = (
            labels["looks_ir_tracking"]
            + labels["looks_radar_x_band"]
            + labels["looks_radar_low_band"]
        )
        assert ((looks == 0) == (labels["told_probability"] == 0.0)).all()
        assert (labels["told_probability"] <= TOLD_CEILING + 1e-12).all()
        # Discrimination is imperfect: no object is told for certain (the draws may still
        # tell all 16).
        assert 0.0 < labels["told_probability"].max() < 1.0

    def test_track_states_show_the_covariance_shrinking(self, default_staged):
        states = default_staged.table("track_states")
        longest = _longest_track(states)
        sigma = states["position_sigma_m"][longest]
        assert sigma.size > 10
        # It converges from its 10 km start (it grows again in reentry, where the large
        # process noise for unmodelled drag takes over).
        assert sigma.min() < 0.1 * sigma[0]
        assert np.unique(states["threat_id"][longest]).size == 1


def test_sensing_shows_its_progress_per_sensor_then_per_tracker_scan(staged):
    calls = staged.sink.progress_calls
    sensors = [c for c in calls if c[0] == SENSORS_STAGE]
    n = len(staged.ctx.sensors)
    assert sensors == [(SENSORS_STAGE, k, n) for k in range(n + 1)]
    scans = [c for c in calls if c[0] == PROGRESS_STAGE]
    assert len(scans) > 10
    assert scans[-1][1] == scans[-1][2]
    assert calls.index(sensors[-1]) < calls.index(scans[0])


def _timelines_one_threat_at_a_time(scene, launch_s, m, latency_s, log, owner):
    """The timeline columns the stage had before it grouped measurements by threat (each
    threat scanned every measurement), fire-control columns left out."""
    cols: dict[str, list[object]] = {}
    for j, launch in enumerate(launch_s):
        objects = np.flatnonzero(scene.threat == j)
        seen = np.isin(m.object, objects)
        observed = m.t_s[seen]
        first = int(np.argmin(observed)) if observed.size else -1
        tracks = np.flatnonzero(np.isin(owner, objects))
        held = np.array(
            [m.t_s[(log.assigned == k) & (m.object == owner[k])].min() for k in tracks],
            dtype=float,
        )
        firm = np.maximum(np.array([log.firm_s[k] for k in tracks], dtype=float), held)
        fire = np.maximum(np.array([log.fire_control_s[k] for k in tracks], dtype=float), held)
        updates: dict[int, float] = {}
        for k in tracks[np.isfinite(firm)]:
            for sensor, t in log.sensors[k].items():
                updates[sensor] = min(t, updates.get(sensor, math.inf))
        row = {
            "first_detection_s": float(observed[first] - launch) if first >= 0 else math.nan,
            "first_report_s": float((observed + latency_s[m.sensor[seen]]).min() - launch)
            if first >= 0
            else math.nan,
            "first_detected_by": int(m.sensor[seen][first]) if first >= 0 else -1,
            "firm_track_s": (firm[np.isfinite(firm)].min() if np.isfinite(firm).any() else math.nan)
            - launch,
            "fire_control_s": (
                fire[np.isfinite(fire)].min() if np.isfinite(fire).any() else math.nan
            )
            - launch,
            "tracked_by": ",".join(
                str(s) for s, _ in sorted(updates.items(), key=lambda kv: kv[1])
            ),
            "objects_with_firm_tracks": int(np.unique(owner[tracks[np.isfinite(firm)]]).size),
        }
        for key, value in row.items():
            cols.setdefault(key, []).append(value)
    return cols


def test_timelines_grouped_by_threat_equal_one_threat_at_a_time(staged):
    ctx = staged.ctx
    rngs = ctx.streams.children("sensing", len(ctx.sensors) + 1)
    m = measure_all(ctx.sensors, ctx.raid.scene, rngs[:-1], RecordingSink())
    assert np.array_equal(m.object, staged.truth_object)
    latency = np.array([s.report_latency_s for s in ctx.sensors])
    owner = track_owners(staged.log, m.object, len(ctx.raid.scene))
    launch = ctx.raid.launches.t_launch_s
    expected = _timelines_one_threat_at_a_time(
        ctx.raid.scene, launch, m, latency, staged.log, owner
    )
    got = staged.table("threat_timelines")
    for key, values in expected.items():
        np.testing.assert_array_equal(np.asarray(got[key]), np.asarray(values), err_msg=key)


# ------------------------------------------------------------------ low-flier sensors


@pytest.fixture(scope="module", name="air")
def _air_staged():
    from goldendome.scenario import load_scenario_text
    from tests.run.stages.air_sensors_scenario import AIR_SENSORS_TOML
    from tests.run.stages.conftest import run_stages

    spec = load_scenario_text(AIR_SENSORS_TOML, "air.toml")
    return run_stages(spec, ("architecture", "raid", "sensing"))


def test_new_sensors_sit_in_the_sensors_table_with_their_latency(air):
    sensors = air.table("sensors")
    kinds = list(sensors["kind"])
    assert kinds == ["infrared tracking", "radar space-amti", "infrared early_warning",
                     "radar an-tpy-2-fbm", "radar e-7-mesa", "radar oth-skywave"]  # fmt: skip
    assert list(sensors["layer_id"]) == [0, 1, 2, -1, -1, -1]
    assert list(sensors["site_id"]) == [-1, -1, -1, 0, 1, 2]
    assert list(sensors["report_latency_s"]) == [5.0, 10.0, 10.0, 0.0, 2.0, 30.0]
    assert (np.asarray(sensors["objects_detected"]) > 0).all()


def test_cruise_missiles_are_seen_long_before_the_ground_radar_horizon(air):
    timelines = air.table("threat_timelines")
    cruise = [2, 3]  # glide entries first, then cruise (run.raid.raid_entries)
    first = np.asarray(timelines["first_detection_s"])[cruise]
    by = np.asarray(timelines["first_detected_by"])[cruise]
    assert (first < 200.0).all()  # the ground radar's horizon is reached after 1,500 s
    assert set(by.tolist()) <= {1, 4, 5}  # space AMTI, E-7 or OTH, never the AN/TPY-2

"""Stage 2, the raid: threats, their events, every object (boosters first, then what they
release) and trajectories, on the small defended scenario (three missiles, two decoys)."""

import numpy as np

from goldendome.physics.constants import WGS84_B_M
from goldendome.physics.kinds import kind_labels

ONE_KILOMETER = 1e3
ONE_MICROSECOND = 1e-6


def test_threats_are_the_raid_entries_in_order(staged):
    threats = staged.table("threats")
    assert threats["threat_id"].tolist() == [0, 1, 2]
    assert threats["threat_class"].tolist() == ["hwasong-15-class"] * 3
    assert threats["launch_area"].tolist() == ["pyongsong"] * 3
    assert threats["target"].tolist() == ["anchorage", "anchorage", "seattle"]
    assert threats["shape"].tolist() == ["minimum_energy"] * 3
    assert threats["launch_time_s"].tolist() == [0.0, 60.0, 30.0]
    assert threats["reachable"].all()
    assert (threats["aim_miss_m"] < 100.0).all()
    flight = threats["impact_time_s"] - threats["launch_time_s"]
    assert np.abs(flight - threats["flight_time_s"]).max() < ONE_MICROSECOND
    assert (threats["burnout_time_s"] > threats["launch_time_s"]).all()
    # Pyongyang to Anchorage is about 5,990 km, to Seattle about 8,240 km.
    assert np.all(np.abs(threats["range_m"] / 1e3 - [5_990, 5_990, 8_240]) < 100)
    assert np.all(
        (threats["apogee_altitude_m"] > 1_000e3) & (threats["apogee_altitude_m"] < 2_000e3)
    )


def test_each_threat_has_burnout_apogee_reentry_and_impact_in_order(staged):
    events, threats = staged.table("threat_events"), staged.table("threats")
    for j in range(3):
        mine = events["threat_id"] == j
        assert events["event"][mine].tolist() == ["burnout", "apogee", "reentry", "impact"]
        t = events["t_s"][mine]
        assert (np.diff(t) > 0).all()
        assert abs(t[0] - threats["burnout_time_s"][j]) < ONE_MICROSECOND
        assert abs(t[3] - threats["impact_time_s"][j]) < ONE_MICROSECOND
        altitude = events["altitude_m"][mine]
        assert abs(altitude[1] - threats["apogee_altitude_m"][j]) < 1.0
        assert abs(altitude[2] - 100e3) < ONE_KILOMETER  # reentry: through 100 km
        assert abs(altitude[3]) < ONE_KILOMETER
        assert abs(events["latitude_deg"][mine][3] - threats["impact_latitude_deg"][j]) < 1e-9


def test_object_ids_run_over_the_boosters_first_then_what_they_release(staged):
    objects, raid = staged.table("objects"), staged.ctx.raid
    n, d = raid.n_missiles, raid.deployment
    assert objects["object_id"].tolist() == list(range(n + len(d)))
    assert objects["kind"][:n].tolist() == ["booster"] * n
    assert objects["threat_id"][:n].tolist() == list(range(n))
    assert np.isnan(objects["release_time_s"][:n]).all()
    assert (objects["asset_id"][:n] == -1).all()
    assert objects["threat_id"][n:].tolist() == d.missile.tolist()
    # Two warheads with a decoy each at Anchorage, one warhead alone at Seattle.
    assert objects["kind"][n:].tolist() == ["rv", "decoy", "rv", "decoy", "rv"]
    # The stored names are the one enumeration's names of the scene's kind codes.
    assert objects["kind"].tolist() == kind_labels(raid.scene.kind)


def test_released_objects_leave_their_missile_after_burnout_and_land_near_the_aim(staged):
    objects, threats = staged.table("objects"), staged.table("threats")
    n = 3
    released = slice(n, None)
    burnout = threats["burnout_time_s"][objects["threat_id"][released]]
    assert (objects["release_time_s"][released] >= burnout).all()
    rv = objects["kind"] == "rv"
    assert (objects["miss_from_target_m"][rv] < 25e3).all()
    # Anchorage is defended (25 km), Seattle is not.
    assert objects["asset_id"][rv].tolist() == [0, 0, -1]
    assert (objects["impact_time_s"][released] > objects["reentry_time_s"][released]).all()


def test_trajectories_hold_every_finite_sample_and_nothing_else(staged):
    traj, objects, scene = (
        staged.table("trajectories"),
        staged.table("objects"),
        staged.ctx.raid.scene,
    )
    xyz = np.stack([traj["x_ecef_m"], traj["y_ecef_m"], traj["z_ecef_m"]], axis=-1)
    assert np.isfinite(xyz).all()
    assert traj["object_id"].size == np.isfinite(scene.r_eci_m[..., 0]).sum()
    assert (np.linalg.norm(xyz, axis=-1) > WGS84_B_M - ONE_KILOMETER).all()
    assert set(traj["object_id"].tolist()) == set(objects["object_id"].tolist())
    n = 3
    for obj in range(objects["object_id"].size):
        t = traj["t_s"][traj["object_id"] == obj]
        assert (np.diff(t) > 0).all()
        # A missile, then its spent stage, to the stage's impact; a missile's first payload
        # from burnout (aboard the bus), the others from their release.
        assert t.max() <= objects["impact_time_s"][obj] + ONE_MICROSECOND
        if obj >= n:
            mine = objects["threat_id"] == objects["threat_id"][obj]
            first = obj == np.flatnonzero(mine)[1]
            burnout = staged.table("threats")["burnout_time_s"][objects["threat_id"][obj]]
            start = burnout if first else objects["release_time_s"][obj]
            assert t.min() >= start - ONE_MICROSECOND


def test_only_boosters_boost_and_only_until_burnout(staged):
    traj, threats = staged.table("trajectories"), staged.table("threats")
    boosting = traj["boosting"]
    assert boosting.any()
    assert (traj["object_id"][boosting] < 3).all()
    burnout = threats["burnout_time_s"][traj["object_id"][boosting]]
    assert (traj["t_s"][boosting] <= burnout).all()


def test_the_raid_tables_are_written_once(staged):
    for name in ("threats", "threat_events", "objects", "trajectories"):
        assert staged.sink.writes.count(name) == 1

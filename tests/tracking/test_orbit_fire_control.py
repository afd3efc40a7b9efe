"""A track in orbit predicts no impact and gets no fire control; a suborbital one does.

A fractional orbital bombardment warhead flies a low orbit (about 150 km, threat class
``fobs-class``) until its braking burn; before it, a track's impact point does not exist,
and fire control on it (which the battle manager reads as an impact to defend against) was
given anyway."""

import numpy as np

from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M
from goldendome.tracking.impact import in_orbit
from goldendome.tracking.live_tracks import LiveTracks
from goldendome.tracking.tracker import TrackerSettings, _coasting


def _state(speed_m_s: float, altitude_m: float = 150e3) -> np.ndarray:
    return np.array([R_EARTH_MEAN_M + altitude_m, 0.0, 0.0, 0.0, speed_m_s, 0.0])


def _circular(altitude_m: float) -> float:
    return float(np.sqrt(MU_EARTH_M3_S2 / (R_EARTH_MEAN_M + altitude_m)))


def test_in_orbit_reads_the_perigee():
    # Circular at 150 km: in orbit. After a 400 m/s braking burn (the class's): perigee far
    # below the ground. An ICBM's 7 km/s at 150 km: suborbital.
    v = _circular(150e3)  # about 7.8 km/s
    states = np.stack([_state(v), _state(v - 400.0), _state(7_000.0)])
    assert in_orbit(states).tolist() == [True, False, False]


def test_an_orbiting_track_may_not_reach_fire_control_where_a_suborbital_one_may():
    live = LiveTracks(3)
    states = np.stack([_state(_circular(150e3)), _state(7_000.0)])
    live.add(np.arange(2), states, np.repeat(np.eye(6)[None], 2, axis=0), 0.0, None)
    for by_phase in (False, True):
        assert _coasting(live, 100.0, TrackerSettings(), by_phase).tolist() == [False, True]

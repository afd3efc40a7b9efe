"""Which motion model a track is predicted with, and its manoeuvre noise, from its own state.

A coasting track whose state reads as a glide or as an air-breathing flier
(:func:`goldendome.tracking.regime.classify_regime`: nearly level inside the atmosphere,
fast or slow; the thresholds are that module's goldendome assumptions) is predicted in
level flight (:mod:`goldendome.tracking.level_flight`); every other track keeps the
ballistic model of :mod:`goldendome.tracking.motion`. A track with a plume report within the
tracker's memory is powered and stays ballistic, with the powered-flight noise. The regime is
read from the state before each prediction, so a glider that pulls up out of its ballistic
descent switches to level flight, and back to ballistic when it dives.

The level models' unmodelled accelerations (turns, pull-ups, drag, thrust changes) are
white noise of density ``q = a^2 tau`` (m^2/s^3), ``a`` an assumed manoeuvre acceleration
and ``tau`` the time over which it goes unmodelled, the same sizing as the drag noise of
:mod:`goldendome.tracking.process_noise`: the velocity error ``a tau`` of a manoeuvre held
for ``tau`` equals the white-noise model's ``sqrt(q tau)`` (Bar-Shalom, Li and
Kirubarajan 2001, sec. 6.3.2, choose ``sqrt(q T)`` of the order of the velocity change over
a sampling interval ``T``). Goldendome assumptions: 3 g for a glider (gliders bank through
cross-range turns and pull up at a few g; no public figure for a specific vehicle) and 1 g
for a cruise missile (turns at waypoints and terrain following), each over 10 s, the
radars' usual revisit: ``q`` about 8,600 and 960 m^2/s^3.

The Earth's rotation angle is not needed: altitude, Earth-relative speed and flight-path
angle do not change under a rotation about the polar axis, so the regime is read at angle 0.
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import G0_M_S2
from goldendome.tracking.regime import Regime, classify_regime

__all__ = [
    "CRUISE_ACCELERATION_M_S2",
    "GLIDE_ACCELERATION_M_S2",
    "MANOEUVRE_TIME_S",
    "level_regime",
    "manoeuvre_noise",
]  # fmt: skip

#: Manoeuvre acceleration of a glider, m/s^2 (3 g, goldendome assumption).
GLIDE_ACCELERATION_M_S2 = 3.0 * G0_M_S2
#: Manoeuvre acceleration of a cruise missile, m/s^2 (1 g, goldendome assumption).
CRUISE_ACCELERATION_M_S2 = 1.0 * G0_M_S2
#: Time over which a manoeuvre goes unmodelled, s (a 10 s revisit, goldendome assumption).
MANOEUVRE_TIME_S = 10.0


def level_regime(x_eci: FloatArray, powered: BoolArray) -> IntArray:
    """Each track's regime for prediction: :class:`goldendome.tracking.regime.Regime` codes,
    ballistic for powered tracks and for every state the classifier calls ballistic.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s, ECI
    powered : (n,) bool
        Tracks with a plume report within the tracker's memory.

    Returns
    -------
    (n,) int64
    """
    if not x_eci.shape[0]:
        return np.zeros(0, np.int64)
    regime = classify_regime(x_eci, 0.0)
    return np.asarray(np.where(powered, int(Regime.BALLISTIC), regime), np.int64)


def manoeuvre_noise(
    regime: IntArray,
    *,
    glide_m_s2: float = GLIDE_ACCELERATION_M_S2,
    cruise_m_s2: float = CRUISE_ACCELERATION_M_S2,
    time_s: float = MANOEUVRE_TIME_S,
) -> FloatArray:
    """Process noise (m^2/s^3) of level-flight tracks, ``a^2 time_s`` by regime.

    Parameters
    ----------
    regime : (n,) int64
        :class:`goldendome.tracking.regime.Regime` codes, glide or air-breathing.
    glide_m_s2, cruise_m_s2 : float, m/s^2
        Manoeuvre accelerations.
    time_s : float, s

    Returns
    -------
    (n,) float64, m^2/s^3
    """
    code = np.asarray(regime, np.int64)
    if np.any(code == Regime.BALLISTIC):
        raise ValueError("manoeuvre_noise sizes the level-flight models only; got a ballistic "
                         "track (its noise is process_noise.phase_noise).")  # fmt: skip
    a = np.where(code == Regime.GLIDE, glide_m_s2, cruise_m_s2)
    return np.asarray(a * a * time_s, np.float64)

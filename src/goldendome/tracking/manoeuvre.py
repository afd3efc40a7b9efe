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

A track's state is read with its errors: a sea-skimmer's track 150 km from an airborne
radar has a few hundred metres of vertical error, so it lies below the ground or climbs
steeply as often as not and would read ballistic, taking the drag noise of a body in the
sea-level air (a close cruise salvo's tracks then gated the whole salvo). With the
covariance, a track whose vertical speed and depth below the ground are each within
:data:`LEVEL_VERTICAL_SIGMAS` of its one-sigmas is classified with them taken out, and
predicted air-breathing where that state reads so (gliders are read as before).

The Earth's rotation angle is not needed: altitude, Earth-relative speed and flight-path
angle do not change under a rotation about the polar axis, so the regime is read at angle 0.
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import G0_M_S2
from goldendome.tracking.regime import Regime, classify_regime, flight_state

__all__ = [
    "CRUISE_ACCELERATION_M_S2",
    "GLIDE_ACCELERATION_M_S2",
    "LEVEL_VERTICAL_SIGMAS",
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
#: A track whose vertical speed is within this many of its one-sigmas of zero may be level
#: (goldendome assumption: three sigma).
LEVEL_VERTICAL_SIGMAS = 3.0


def level_regime(
    x_eci: FloatArray, powered: BoolArray, covariance: FloatArray | None = None
) -> IntArray:
    """Each track's regime for prediction: :class:`goldendome.tracking.regime.Regime` codes,
    ballistic for powered tracks and for every state the classifier calls ballistic.

    With ``covariance``, a track read ballistic whose vertical speed and depth below the
    ground are within :data:`LEVEL_VERTICAL_SIGMAS` of its one-sigmas is air-breathing
    where its state with them taken out reads so (module notes).

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s, ECI
    powered : (n,) bool
        Tracks with a plume report within the tracker's memory.
    covariance : (n, 6, 6) float64, optional
        The tracks' covariances (m^2, m^2/s^2); None: the states as they are.

    Returns
    -------
    (n,) int64
    """
    if not x_eci.shape[0]:
        return np.zeros(0, np.int64)
    regime = classify_regime(x_eci, 0.0)
    if covariance is not None:
        rows = np.flatnonzero(regime == Regime.BALLISTIC)
        if rows.size:
            read = classify_regime(_levelled(x_eci[rows], covariance[rows]), 0.0)
            air = read == Regime.AIR_BREATHING
            regime[rows[air]] = Regime.AIR_BREATHING
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


def _levelled(x_eci: FloatArray, covariance: FloatArray) -> FloatArray:
    """The states with what their own errors allow taken out: the vertical speed where it is
    within :data:`LEVEL_VERTICAL_SIGMAS` of its one-sigma of zero, and a depth below the
    ground within as many of the vertical position's one-sigma (the state is raised to the
    ground). Other states come back as they are. ``(n, 6)`` float64, m and m/s, ECI."""
    f = flight_state(x_eci, 0.0)
    up = f.up
    climb = np.einsum("ni,ni->n", up, x_eci[:, 3:])
    var_v = np.einsum("ni,nij,nj->n", up, covariance[:, 3:, 3:], up)
    var_r = np.einsum("ni,nij,nj->n", up, covariance[:, :3, :3], up)
    k = LEVEL_VERTICAL_SIGMAS
    out = x_eci.copy()
    flat = np.abs(climb) <= k * np.sqrt(np.maximum(var_v, 0.0))
    out[flat, 3:] -= climb[flat, None] * up[flat]
    depth = np.maximum(-f.altitude_m, 0.0)
    lift = (depth > 0.0) & (depth <= k * np.sqrt(np.maximum(var_r, 0.0)))
    out[lift, :3] += (depth[lift] + 1.0)[:, None] * up[lift]
    return out

"""Measurements JPDA leaves unclaimed go to level-flight tracks by nearest neighbour.

JPDA weighs a measurement's origin in a track against clutter of ``kappa`` false
measurements per volume of the measurement's own noise (:mod:`goldendome.tracking.jpda_update`):
the likelihood ratio falls as ``sqrt(det R / det S)``, with ``S`` the predicted and ``R``
the measurement noise. A radar at short range measures so precisely that the ratio is tiny
for any track whose prediction is uncertain by more than a few hundred metres: an SBX-class
radar measures a cruise missile 50 km away to 0.1 m in range and 6 microradians (0.3 m) in
angle, while a cruise track predicted 10 s ahead with a 1 g manoeuvre allowance is
uncertain by about 600 m (``det S / det R`` near 1e20), and a new track, with its 5 km/s
velocity prior across the line of sight (:mod:`goldendome.tracking.initiation`), by tens of
kilometres. Each measurement is then judged clutter and starts a track of its own: in the
mixed raid of ``docs/tracking_manoeuvring.md`` every measurement of a cruise missile became
a track. A ballistic track meets such radars at hundreds of kilometres, where their angle
noise is metres to hundreds of metres, and its coasting noise is small.

So, after a scan's JPDA, a track read as a glide or air-breathing
(:mod:`goldendome.tracking.manoeuvre`), not powered and not counted as updated in the scan
takes the nearest gated measurement that no track claimed: gated global nearest neighbour,
as in :mod:`goldendome.tracking.association` (Bar-Shalom, Li and Kirubarajan 2001, sec.
2.x; the tracker's ``association="gnn"``). Ballistic tracks are untouched. The clutter
model itself (a density per resolution cell rather than per noise volume) is the lasting
fix; it would move every track, and is left as a known limitation.
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking.association import gnn_assign_pairs

__all__ = ["level_fixes"]


def level_fixes(
    level: BoolArray,
    seen: BoolArray,
    pairs: tuple[IntArray, IntArray, FloatArray, FloatArray],
    free: BoolArray,
) -> tuple[IntArray, IntArray]:
    """The (track, measurement) pairs of a scan's nearest-neighbour fixes (module notes).

    Parameters
    ----------
    level : (n_track,) bool
        Live tracks predicted in level flight this step and not powered.
    seen : (n_track,) bool
        Tracks the scan's JPDA counted as updated.
    pairs : tuple of (n_pair,) arrays
        Gated candidate pairs: track index, measurement index (in the scan), NIS and gate.
    free : (n_measurement,) bool
        The scan's measurements that no track claimed.

    Returns
    -------
    tracks, measurements : (n_match,) int64
    """
    ti, mj, nis, gate = pairs
    ok = (level & ~seen)[ti] & free[mj]
    if not ok.any():
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return gnn_assign_pairs(ti[ok], mj[ok], nis[ok], gate[ok])

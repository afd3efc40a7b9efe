"""Where a boost sample's payloads land, flown only for the opportunities a trial shoots.

A boost sample holds every (SBI, missile) opportunity, often hundreds a missile, but a trial
fires at few of them and only a killing shot's payload landing counts (the boost-phase
shortfall, :mod:`goldendome.threats.fly_on`). Each opportunity's landing is flown when a
trial first asks for it and kept for the sample's other trials: the same landings, bit for
bit, as flying every opportunity at once (the flight kernel flies each payload on its own),
at the cost of the ones asked for.
"""

from typing import Any

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.threats.ballistic import Launches
from goldendome.threats.fly_on import fly_on_after_cut


class PayloadLandings:
    """The landings of ``n`` opportunities' payloads, flown on first use.

    Parameters
    ----------
    launches : Launches
        The raid's aimed launches (one row per missile).
    threat : (n,) int64
        Each opportunity's missile.
    t_cut_s : (n,) float64, seconds on the scenario clock
        Each opportunity's intercept (the booster's thrust ends there if it kills).
    theta0_rad : float
        Earth rotation angle at scenario time 0.
    """

    def __init__(
        self, launches: Launches, threat: IntArray, t_cut_s: FloatArray, theta0_rad: float
    ) -> None:
        n = int(threat.shape[0])
        self._launches, self._threat, self._t_cut = launches, threat, t_cut_s
        self._theta0 = theta0_rad
        self._done = np.zeros(n, bool)
        self.latitude_deg = np.full(n, np.nan)
        self.longitude_deg = np.full(n, np.nan)
        self.landed = np.zeros(n, bool)

    @property
    def flown(self) -> int:
        """Opportunities whose landing has been flown so far."""
        return int(self._done.sum())

    def fill(self, index: Any) -> None:
        """Fly the landings of opportunities ``index`` not flown yet."""
        need = np.unique(np.asarray(index, np.int64).ravel())
        need = need[~self._done[need]]
        if not need.size:
            return
        land = fly_on_after_cut(
            self._launches.take(self._threat[need]), self._t_cut[need], theta0_rad=self._theta0
        )
        self.latitude_deg[need] = np.degrees(land.latitude_rad)
        self.longitude_deg[need] = np.degrees(land.longitude_rad)
        self.landed[need] = land.landed
        self._done[need] = True

    def column(self, name: str) -> "LandingColumn":
        """``latitude_deg``, ``longitude_deg`` or ``landed`` as a column indexed like an
        array, filled on indexing."""
        return LandingColumn(self, name)


class LandingColumn:
    """One column of :class:`PayloadLandings`; indexing it flies what is missing first."""

    def __init__(self, owner: PayloadLandings, name: str) -> None:
        self._owner, self._name = owner, name

    def __getitem__(self, index: Any, /) -> Any:
        self._owner.fill(index)
        return getattr(self._owner, self._name)[index]

    def __len__(self) -> int:
        return int(getattr(self._owner, self._name).shape[0])

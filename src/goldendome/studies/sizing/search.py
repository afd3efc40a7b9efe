"""How many space-based interceptors it takes: the smallest Walker constellation that gives
each missile of a simultaneous salvo ``k`` shots at a chosen share of launch times.

The salvo's missiles leave one launch area together, so the same satellites are in reach of
all of them and each satellite carries one kill vehicle: the salvo is covered at a launch
time when at least ``salvo x shots`` satellites are in reach (which is why the answer grows
in proportion to the salvo, as APS 2003 noted). For every shell (altitude, inclination) a
reach map is computed once (:mod:`goldendome.studies.sizing.reach_map`); for every plane
count the fewest satellites per plane meeting the confidence are found by bisection over the
launch times, evaluated by lookup.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import brentq

from goldendome.interceptors.availability import Availability, p_enough_ready
from goldendome.interceptors.space_based import EngagementRule, KillVehicle
from goldendome.orbits.absentee import fraction_in_reach
from goldendome.physics._types import FloatArray, IntArray
from goldendome.run.boost_tracks import BoostTracks, engagement_windows
from goldendome.studies.sizing.reach_map import ReachMap, reach_map

#: Most satellites a candidate may have before the search calls its geometry infeasible.
MAX_SATELLITES = 60_000
#: Geometries needing more than this many times the best total found are not pursued.
WORSE_THAN_BEST = 5
LATITUDES_DEG = tuple(range(-85, 86, 5))


@dataclass(frozen=True)
class SizingQuestion:
    """What to size for, with every assumption the answer depends on."""

    tracks: BoostTracks
    threat_label: str
    vehicle: KillVehicle
    rule: EngagementRule
    salvo: int
    shots: int
    confidence: float
    launch_times: int
    phasing: int
    altitudes_m: tuple[float, ...]
    inclinations_rad: tuple[float, ...]
    planes: tuple[int, ...]
    launch_latitude_rad: float
    #: Share of the layer ready to fire, and an anti-satellite attack before the raid
    #: (:mod:`goldendome.interceptors.availability`); the default is the layer as written.
    availability: Availability = field(default_factory=Availability)


@dataclass(frozen=True)
class Candidate:
    """The fewest satellites of one geometry meeting the question (``None`` if none does).

    Attributes
    ----------
    altitude_km, inclination_deg : float
    planes : int
    per_plane, satellites : int or None
        The fewest meeting the question; ``None`` when no constellation of at most
        ``searched_up_to`` satellites does.
    achieved_confidence, mean_in_reach, min_in_reach : float, float, int, or None
        Share of launch times covered and satellites in reach (mean, fewest) of the
        constellation of ``evaluated_satellites``; ``None`` when no constellation of this
        geometry was evaluated (the mean in reach alone ruled it out).
    evaluated_satellites : int or None
        The answer when met, else the largest constellation tried.
    searched_up_to : int
        Most satellites the search would try: :data:`MAX_SATELLITES`, or
        :data:`WORSE_THAN_BEST` times the best total found before this geometry.
    searched_to_end : bool
        False when the geometry was cut short: not met with ``searched_up_to`` satellites,
        a cap below :data:`MAX_SATELLITES` set by a better geometry, so that more satellites
        might meet it.
    """

    altitude_km: float
    inclination_deg: float
    planes: int
    per_plane: int | None
    satellites: int | None
    achieved_confidence: float | None
    mean_in_reach: float | None
    min_in_reach: int | None
    evaluated_satellites: int | None
    searched_up_to: int
    searched_to_end: bool

    @property
    def label(self) -> str:
        """The total, or why there is none (``> N``: not met with N satellites or fewer)."""
        return (
            f"{self.satellites:,}" if self.satellites is not None else f"> {self.searched_up_to:,}"
        )

    @property
    def status(self) -> str:
        """``met``, ``cut short`` (not searched to the end) or ``not met`` (with up to
        :data:`MAX_SATELLITES`)."""
        if self.satellites is not None:
            return "met"
        return "not met" if self.searched_to_end else "cut short"


@dataclass(frozen=True)
class SizingAnswer:
    """The best constellation, every candidate, and the best one's coverage figures
    (``run_folder``: where the answer was stored, if it was; ``preset``: a published study's
    figure beside the answer, :func:`goldendome.studies.sizing.presets.compare`, when the
    question was a preset's)."""

    best: Candidate | None
    candidates: list[Candidate]
    needed_in_reach: int
    engagement_window_s: tuple[float, float]
    effective_reach_km: float
    in_reach_over_time: list[int] = field(default_factory=list)
    launch_times_s: list[float] = field(default_factory=list)
    coverage_by_latitude: list[tuple[float, float]] = field(default_factory=list)
    run_folder: Path | None = None
    preset: dict[str, Any] | None = None


#: Called after each shell with its reach map and the candidates of its plane counts.
ShellFn = Callable[[ReachMap, list[Candidate]], None]


#: The layer as written: every satellite ready, none attacked.
AS_WRITTEN = Availability()


def _success(counts: IntArray, needed: int, available: Availability = AS_WRITTEN) -> float:
    """Share of the launch times at which enough of the satellites in reach can fire (with a
    ready share below 1 or an attack, the mean chance of it)."""
    return float(np.mean(p_enough_ready(counts, needed, available)))


def _fewest_per_plane(
    shell: ReachMap,
    planes: int,
    phasing: int,
    times: FloatArray,
    needed: int,
    confidence: float,
    cap: int,
    available: Availability = AS_WRITTEN,
) -> tuple[int | None, int | None, IntArray | None]:
    """Bisection on satellites per plane (coverage grows with them, near enough monotonic).

    ``cap`` bounds the total: a geometry that cannot meet the question with ``cap``
    satellites returns ``None`` (the caller passes the best total found so far).

    Returns
    -------
    per_plane : int or None
        The fewest meeting the question.
    evaluated_per_plane : int or None
        ``per_plane``, or the most tried; ``None`` when the mean in reach alone ruled the
        geometry out and nothing was evaluated.
    counts : (n_launch,) int64 or None
        Satellites in reach at each launch time with ``evaluated_per_plane``.
    """
    phase = phasing % planes
    most = max(1, cap // planes)

    def counts(per_plane: int) -> IntArray:
        return shell.walker_counts(planes, per_plane, phase, times)

    attacked = available.asat_shots * available.asat_kill_probability
    wanted = (needed + attacked) / max(available.ready_share, 1e-9)
    guess = max(1, math.ceil(confidence * wanted / max(shell.mean_fraction, 1e-9) / planes))
    if guess > most:  # the mean in reach alone rules the geometry out
        return None, None, None
    hi = guess
    while _success(counts(hi), needed, available) < confidence:
        if hi == most:
            return None, most, counts(most)
        hi = min(2 * hi, most)
    lo = 0
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _success(counts(mid), needed, available) >= confidence:
            hi = mid
        else:
            lo = mid
    return hi, hi, counts(hi)


def _candidate(
    altitude_m: float,
    inclination_rad: float,
    planes: int,
    found: tuple[int | None, int | None, IntArray | None],
    needed: int,
    cap: int,
    available: Availability = AS_WRITTEN,
) -> Candidate:
    per_plane, evaluated, counts = found
    return Candidate(
        altitude_km=altitude_m / 1e3,
        inclination_deg=math.degrees(inclination_rad),
        planes=planes,
        per_plane=per_plane,
        satellites=None if per_plane is None else planes * per_plane,
        achieved_confidence=None if counts is None else _success(counts, needed, available),
        mean_in_reach=None if counts is None else float(counts.mean()),
        min_in_reach=None if counts is None else int(counts.min()),
        evaluated_satellites=None if evaluated is None else planes * evaluated,
        searched_up_to=cap,
        searched_to_end=per_plane is not None or cap >= MAX_SATELLITES,
    )


def _effective_reach_km(shell: ReachMap, latitude_rad: float) -> float:
    """Ground reach whose spherical cap holds the map's share of the shell (a summary)."""
    target = shell.mean_fraction
    if target <= 0.0:
        return 0.0

    def gap(reach_m: float) -> float:
        return float(fraction_in_reach(reach_m, [latitude_rad], shell.inclination_rad)[0]) - target

    if gap(1.0) > 0 or gap(1.0e7) < 0:
        return float("nan")
    return float(brentq(gap, 1.0, 1.0e7, xtol=10.0)) / 1e3


def size_constellation(
    question: SizingQuestion,
    progress: Callable[[int, int], None] | None = None,
    on_shell: ShellFn | None = None,
) -> SizingAnswer:
    """Search altitude, inclination and plane count for the smallest constellation.

    Parameters
    ----------
    question : SizingQuestion
    progress : callable, optional
        ``progress(done, total)`` after each shell.
    on_shell : callable, optional
        ``on_shell(reach_map, candidates)`` after each shell (before ``progress``), with the
        candidates of that shell's plane counts: what a run folder stores as it goes.

    Returns
    -------
    SizingAnswer
    """
    needed = question.salvo * question.shots
    available = question.availability
    times = np.arange(question.launch_times, dtype=np.float64) * (86_400.0 / question.launch_times)
    shells = [(h, i) for h in question.altitudes_m for i in question.inclinations_rad]
    candidates: list[Candidate] = []
    best_counts: dict[int, IntArray] = {}
    maps: list[ReachMap] = []
    for n, (altitude, inclination) in enumerate(shells):
        shell = reach_map(question.tracks, altitude, inclination, question.vehicle, question.rule)
        maps.append(shell)
        for planes in question.planes:
            found = [c.satellites for c in candidates if c.satellites is not None]
            cap = min(MAX_SATELLITES, WORSE_THAN_BEST * min(found, default=MAX_SATELLITES))
            found_here = _fewest_per_plane(
                shell, planes, question.phasing, times, needed, question.confidence, cap, available
            )
            if found_here[2] is not None:
                best_counts[len(candidates)] = found_here[2]
            candidates.append(
                _candidate(altitude, inclination, planes, found_here, needed, cap, available)
            )
        if on_shell is not None:
            on_shell(shell, candidates[-len(question.planes) :])
        if progress is not None:
            progress(n + 1, len(shells))
    _, start_s, end_s = engagement_windows(question.tracks, question.rule)
    window = (float(start_s[0]), float(end_s[0]))
    feasible = [k for k, c in enumerate(candidates) if c.satellites is not None]
    if not feasible:
        return SizingAnswer(None, candidates, needed, window, float("nan"))
    k_best = min(feasible, key=lambda k: (candidates[k].satellites, k))
    best = candidates[k_best]
    shell = maps[k_best // len(question.planes)]
    reach_km = _effective_reach_km(shell, question.launch_latitude_rad)
    latitudes = np.radians(np.array(LATITUDES_DEG, dtype=np.float64))
    per_lat = fraction_in_reach(reach_km * 1e3, latitudes, shell.inclination_rad)
    assert best.satellites is not None
    coverage = [
        (float(lat), float(best.satellites * f))
        for lat, f in zip(LATITUDES_DEG, per_lat, strict=True)
    ]
    return SizingAnswer(
        best=best,
        candidates=candidates,
        needed_in_reach=needed,
        engagement_window_s=window,
        effective_reach_km=reach_km,
        in_reach_over_time=[int(c) for c in best_counts[k_best]],
        launch_times_s=[float(t) for t in times],
        coverage_by_latitude=coverage,
    )

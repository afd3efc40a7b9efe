"""Boost samples: what the sensors report of each missile, when the battle manager commits
space-based interceptors, and which of them can then reach it, for each sample of the run.

A sample ``k`` is one phasing of the interceptor layer (:func:`goldendome.run.layers.
phased_elements`: a launch time of day and orbital phase) together with that sample's own
detection draws. Its steps:

1. **Reports.** Every sensor of the run measures the missiles over their powered flight
   (the boosters alone: a missile is a bright plume only while it burns) with the draws of
   stream ``boost_reports``, child ``k``; a missile's first report is its earliest
   detection plus that sensor's report latency. A missile no sensor reports during boost is
   never committed against.
2. **Commit.** SBIs may leave no earlier than the first report plus the engagement rule's
   decision delay (the rule's assumed detection delay is not used: the sensors say when
   detection happens).
3. **Reach.** The phasing's satellites are propagated at a few reference times, those that
   may reach a committed missile (:func:`goldendome.interceptors.sbi_reach.
   pruning_spheres`, the bound the reach check itself prunes with) are propagated on the
   boost grid, and :func:`goldendome.interceptors.sbi_reach.sbi_opportunities` finds every
   one that can intercept its missile before the deadline.
4. **Availability.** Only ready satellites that survived an anti-satellite attack fire
   (:mod:`goldendome.interceptors.availability`): which are not ready, and which the attack
   destroys, are drawn with stream ``sbi_availability``, child ``k`` (nothing is drawn when
   every satellite is ready and no attack is made).

Samples are computed when first asked for and kept in the process that asked (a worker
computes only the samples of its own trials; that cache is not pickled), unless they were
computed ahead and given to the sampler (:mod:`goldendome.run.boost_ahead`: then they travel
with it). A sample depends only on the run's seed and ``k``, so any worker gets the same
answer. The radars' geometry of the boosters is the same in every sample and worked out once
per process (:mod:`goldendome.sensors.radar_view`).
"""

from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from goldendome.engagement.picture import BoostPhase
from goldendome.interceptors.availability import Availability, asat_losses, ready_mask
from goldendome.interceptors.sbi_reach import Opportunities
from goldendome.interceptors.space_based import EngagementRule, KillVehicle
from goldendome.physics._types import FloatArray
from goldendome.physics.clock import Clock
from goldendome.physics.elements import OrbitalElements
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.scene import SceneObjects
from goldendome.run.boost_landings import PayloadLandings
from goldendome.run.boost_reach import committed_opportunities, positions_at
from goldendome.run.boost_tracks import BoostTracks, engagement_windows, speed_bound_m_s
from goldendome.run.layers import phased_elements
from goldendome.run.streams import STREAMS
from goldendome.sensors.base import Sensor
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_view import RadarView
from goldendome.threats.ballistic import Launches


@dataclass(frozen=True, eq=False)
class PhaseOpportunities:
    """One sample's opportunities, where the kill vehicles leave and meet the missiles, and
    the reports and commit times they start from.

    Attributes
    ----------
    opportunities : Opportunities
    phase : BoostPhase
    first_report_s : (n_threat,) float64, seconds on the scenario clock (inf: not reported
        during boost)
    commit_s : (n_threat,) float64, seconds (first report + decision delay; inf: never)
    window_end_s : (n_threat,) float64, seconds (the engagement rule's deadline)
    """

    opportunities: Opportunities
    phase: BoostPhase
    first_report_s: FloatArray
    commit_s: FloatArray
    window_end_s: FloatArray


def boost_scene(scene: SceneObjects, n_missile: int) -> SceneObjects:
    """The missiles of ``scene`` while they burn (NaN at every other time)."""
    burning = scene.boosting[:n_missile]
    keep = burning[..., None]
    return SceneObjects(
        scene.t_s,
        np.where(keep, scene.r_eci_m[:n_missile], np.nan),
        np.where(keep, scene.v_eci_m_s[:n_missile], np.nan),
        scene.kind[:n_missile],
        scene.threat[:n_missile],
        burning,
    )


@dataclass(eq=False)
class BoostSampler:
    """Computes (and keeps) the boost samples of a run; picklable, sent to every worker.

    Attributes
    ----------
    elements : OrbitalElements
        The interceptor layer as written (phase 0).
    first_satellite_id : int
        The layer's first satellite id in the run's numbering.
    tracks : BoostTracks
        The missiles on the boost grid.
    vehicle, rule
        The kill vehicle and its engagement rule.
    sensors : list of Sensor
        Every sensor of the run.
    scene : SceneObjects
        The missiles while they burn (:func:`boost_scene`), on the sensors' grid.
    seed : int
        The run's seed.
    n_samples : int
        Phasings (and report draws) the trials spread over.
    clock : Clock
        The scenario clock (Earth rotation angle for geodetic points).
    launches : Launches
        The raid's aimed launches (reflown with thrust cut at each opportunity's intercept,
        to land the payload: :func:`goldendome.threats.fly_on.fly_on_after_cut`).
    availability : Availability
        The share of the layer ready to fire and an anti-satellite attack before the raid.
    """

    elements: OrbitalElements
    first_satellite_id: int
    tracks: BoostTracks
    vehicle: KillVehicle
    rule: EngagementRule
    sensors: list[Sensor]
    scene: SceneObjects
    seed: int
    n_samples: int
    clock: Clock
    launches: Launches
    _cache: dict[int, PhaseOpportunities] = field(default_factory=dict, repr=False)
    #: Samples computed ahead (elsewhere) and given: pickled with the sampler.
    given: dict[int, PhaseOpportunities] = field(default_factory=dict, repr=False)
    _views: dict[int, tuple[Radar, RadarView]] | None = field(default=None, repr=False)
    #: Samples computed in this process (each propagates the layer once on the boost grid).
    propagations: int = 0
    availability: Availability = field(default_factory=Availability)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_cache"] = {}
        state["_views"] = None
        state["propagations"] = 0
        return state

    @property
    def n_missile(self) -> int:
        """Missiles of the raid."""
        return len(self.tracks)

    def first_reports(self, k: int) -> FloatArray:
        """``(n_threat,)`` first report of each missile in sample ``k`` (scenario clock, s;
        inf when no sensor reports it while it burns)."""
        seq = np.random.SeedSequence(self.seed, spawn_key=(STREAMS["boost_reports"], k))
        first = np.full(self.n_missile, np.inf)
        views = self._radar_views()
        for i, (sensor, child) in enumerate(
            zip(self.sensors, seq.spawn(len(self.sensors)), strict=True)
        ):
            rng = np.random.default_rng(child)
            view = views.get(i)
            m = sensor.measure(self.scene, rng) if view is None else view[0].draw(view[1], rng)
            np.minimum.at(first, m.object, m.t_s + sensor.report_latency_s)
        return first

    def _radar_views(self) -> dict[int, tuple[Radar, RadarView]]:
        """Each radar's view of the boosters (by sensor index), worked out once per process:
        the geometry is the same in every sample, only the draws differ (the same
        measurements as ``measure``, bit for bit)."""
        if self._views is None:
            self._views = {
                i: (s, s.view(self.scene))
                for i, s in enumerate(self.sensors)
                if isinstance(s, Radar)
            }
        return self._views

    def sample(self, k: int) -> PhaseOpportunities:
        """Sample ``k``: reports, commit times and the opportunities they leave."""
        if k in self.given:
            return self.given[k]
        if k not in self._cache:
            self._cache[k] = self._compute(k)
            self.propagations += 1
        return self._cache[k]

    def computed(self, k: int) -> bool:
        """Whether sample ``k`` is at hand (computed here, or given)."""
        return k in self.given or k in self._cache

    def phase(self, k: int) -> BoostPhase:
        """The SBI opportunities of sample ``k`` as the battle manager reads them."""
        return self.sample(k).phase

    def _compute(self, k: int) -> PhaseOpportunities:
        tracks, rule = self.tracks, self.rule
        report = self.first_reports(k)
        commit = report + rule.decision_delay_s
        launch_s, start_s, end_s = engagement_windows(tracks, rule, commit_s=commit)
        elements = phased_elements(self.elements, k, self.n_samples)
        speed = speed_bound_m_s(self.elements)
        told = np.flatnonzero(np.isfinite(commit) & (start_s < end_s))
        opps, r_sat = committed_opportunities(
            elements, tracks, self.vehicle, told, (launch_s, start_s, end_s), speed
        )
        opps, r_sat = self._available(k, opps, r_sat, elements, speed)
        phase = self._phase(opps, r_sat, report, commit, end_s)
        return PhaseOpportunities(opps, phase, report, commit, end_s)

    def _available(
        self,
        k: int,
        opps: Opportunities,
        r_sat: FloatArray,
        elements: OrbitalElements,
        speed: float,
    ) -> tuple[Opportunities, FloatArray]:
        """The opportunities of the satellites that are ready and survived the attack.

        The attacker aims at the SBIs that would be in reach of its missiles as it can plan
        it, from the orbits, its own launches and the defence's doctrine (the rule's assumed
        detection and decision delays), not from the sensor draws of the sample.
        """
        available = self.availability
        if available.as_written:
            return opps, r_sat
        seq = np.random.SeedSequence(self.seed, spawn_key=(STREAMS["sbi_availability"], k))
        rng = np.random.default_rng(seq)
        n = len(self.elements)
        ready = ready_mask(n, available.ready_share, rng)
        aimed = np.empty(0, np.int64)
        if available.asat_shots > 0:
            windows = engagement_windows(self.tracks, self.rule)
            every = np.flatnonzero(windows[1] < windows[2])
            planned, _ = committed_opportunities(
                elements, self.tracks, self.vehicle, every, windows, speed
            )
            aimed = planned.satellite
        lost = asat_losses(n, aimed, available.asat_shots, available.asat_kill_probability, rng)
        keep = (ready & ~lost)[opps.satellite]
        kept = Opportunities(*(getattr(opps, f.name)[keep] for f in fields(Opportunities)))
        return kept, r_sat[keep]

    def _phase(
        self,
        opps: Opportunities,
        r_sat: FloatArray,
        report_s: FloatArray,
        commit_s: FloatArray,
        end_s: FloatArray,
    ) -> BoostPhase:
        r = positions_at(self.tracks, opps.threat, opps.intercept_time_s)
        theta = self.clock.theta_rad
        lat, lon, alt = ecef_to_geodetic(eci_to_ecef(r, theta(opps.intercept_time_s)))
        launch_s = opps.intercept_time_s - opps.time_of_flight_s
        s_lat, s_lon, s_alt = ecef_to_geodetic(eci_to_ecef(r_sat, theta(launch_s)))
        land = PayloadLandings(
            self.launches, opps.threat, opps.intercept_time_s, self.clock.theta0_rad
        )
        return BoostPhase(
            satellite=opps.satellite.astype(np.int64),
            threat=opps.threat.astype(np.int64),
            launch_time_s=launch_s,
            intercept_time_s=opps.intercept_time_s,
            launch_latitude_deg=np.degrees(s_lat),
            launch_longitude_deg=np.degrees(s_lon),
            launch_altitude_m=s_alt,
            latitude_deg=np.degrees(lat),
            longitude_deg=np.degrees(lon),
            altitude_m=alt,
            first_report_s=report_s,
            commit_s=commit_s,
            window_end_s=end_s,
            payload_latitude_deg=land.column("latitude_deg"),
            payload_longitude_deg=land.column("longitude_deg"),
            payload_landed=land.column("landed"),
        )

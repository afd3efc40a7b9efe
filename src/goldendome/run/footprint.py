"""A run's dimensions read from its spec, and the bytes each stage holds at its peak.

The dimensions (satellites per layer, time samples, boost-phase samples, missiles, released
objects, batteries, trials) come from the spec and the catalogs alone, before anything is
built. Each stage's bytes are a sum of ``coefficient x product of dimensions``; the
coefficients (bytes per element) follow the arrays the stages allocate and were calibrated
against measured peak resident memory (``docs/speed.md``), rounded up, so the estimate is an
upper bound.
"""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.interceptors.pair_bounds import PAIR_BYTES
from goldendome.run.work_bounds import (
    BLOCK_BYTES,
    BOOST_BLOCK_BYTES,
    BOOST_STEP_S,
    merged_intervals,
)
from goldendome.scenario.catalog import BallisticClassSpec, threat_classes
from goldendome.scenario.spec import ScenarioSpec

#: Roles whose layers carry sensors (their propagations are kept for the sensors).
SENSOR_ROLES = ("early_warning", "tracking", "air_moving_target")

#: Resident memory of the interpreter, NumPy, SciPy, numba and the compiled kernels: a run's
#: resident set when its first stage starts, 360 MiB measured with every kernel loaded from
#: numba's cache (2026-12-04, after the tracker's kernels were added), rounded up; plus
#: pandas, 40 MiB measured, which pyarrow loads when it writes the first table now that
#: pandas is installed (a fuzz run peaked 22 MiB above a 600 MiB budget without it).
BASE_BYTES = 410 * 2**20
#: Resident memory of a local Dask worker before its first chunk (the interpreter, NumPy, Dask
#: and the kill chain's kernels): 237 MiB measured per worker on the default run, rounded up.
WORKER_BASE_BYTES = 280 * 2**20
#: A local worker holds the kill chain's intercept windows and its chunk's working arrays:
#: this many times the kill-chain stage's kept bytes (580 MiB measured per worker on a
#: 1,000-missile raid whose windows are 242 MiB: 1.3x below this bound).
WORKER_DATA_FACTOR = 2
#: Bytes per satellite held for the run (elements, phased copies, the satellites table).
SATELLITE = 400
#: Bytes per (satellite, time) the architecture works on: one streamed block's positions
#: and their geodetic and Earth-fixed temporaries, at most :data:`BLOCK_WORK` bytes.
ARCHITECTURE_WORK = 170
BLOCK_WORK = 10 * BLOCK_BYTES
#: Bytes per (satellite, time) kept per propagation (an (n, n_t, 3) float64 array); the
#: layers that carry sensors keep four (positions, half a second either side, velocities).
POSITIONS = 24
SENSOR_PROPAGATIONS = 4
#: Most bytes the boost stage works on: a block of SBIs on the boost grid with its k-d
#: trees, and one chunk of (satellite, threat) pairs checked sample by sample.
BOOST_WORK = 3 * BOOST_BLOCK_BYTES + PAIR_BYTES
#: Bytes per (SBI, boost sample) below that bound.
BOOST_SAMPLE = 72
#: Bytes per (missile, raid sample): the flight on the union grid and its two views.
MISSILE_SAMPLE = 110
#: Bytes per (object, time) of the raid's kept arrays (payload flight, scene).
OBJECT_SAMPLE = 200
#: Bytes per (object, time) of the trajectory table while it is written.
TRAJECTORY_SAMPLE = 160
#: Bytes per (object, time) of the sensing pass (measurements, tracker history).
SENSING_SAMPLE = 1_200
#: Bytes per (infrared satellite, object) of one infrared frame's temporaries.
FRAME_PAIR = 300
#: Bytes per (battery, object, time) of the kill chain's intercept windows.
WINDOW_SAMPLE = 20
#: Bytes per (trial, object) of the Monte Carlo's engagements read back for the summary.
TRIAL_OBJECT = 400


@dataclass(frozen=True)
class Dimensions:
    """What drives a run's memory, from its spec.

    Attributes
    ----------
    layers : dict of str to int
        Satellites per space layer.
    sensor_satellites : int
        Satellites of the layers that carry infrared sensors.
    sbi_layer : str or None
    sbi_satellites : int
    times : int
        Samples of the scenario grid (``duration_s / step_s + 1``).
    boost_samples : int
        Samples of the raid's boost-phase grid (every second of every missile's boost).
    missiles, objects : int
        Missiles, and the RVs and decoys they release.
    batteries, radars, sites : int
    trials, phase_samples : int
    """

    layers: dict[str, int]
    sensor_satellites: int
    sbi_layer: str | None
    sbi_satellites: int
    times: int
    boost_samples: int
    missiles: int
    objects: int
    batteries: int
    radars: int
    sites: int
    trials: int
    phase_samples: int

    @property
    def satellites(self) -> int:
        """Satellites over all layers."""
        return sum(self.layers.values())

    @property
    def largest_layer(self) -> tuple[str, int]:
        """The layer with the most satellites and its count (``("", 0)`` without layers)."""
        return max(self.layers.items(), key=lambda kv: kv[1], default=("", 0))

    def as_dict(self) -> dict[str, int]:
        """The counts by name (layers as ``satellites.<name>``)."""
        out = {f"satellites.{k}": v for k, v in self.layers.items()}
        out["satellites"] = self.satellites
        for name in (
            "sensor_satellites", "sbi_satellites", "times", "boost_samples", "missiles",
            "objects", "batteries", "radars", "sites", "trials", "phase_samples",
        ):  # fmt: skip
            out[name] = int(getattr(self, name))
        return out


def n_times(duration_s: float, step_s: float) -> int:
    """Samples of ``Clock.uniform``: ``0, step_s, ...`` up to ``duration_s``."""
    return max(1, math.ceil((duration_s + 0.5 * step_s) / step_s))


def boost_samples(spec: ScenarioSpec, step_s: float = BOOST_STEP_S) -> int:
    """Samples of the boost-phase grid: every ``step_s`` over each missile's boost phase
    (:func:`goldendome.run.boost_tracks.boost_grid`), counted from the raid entries."""
    starts, ends = [], []
    for entry in spec.threats.raid:
        t0 = entry.launch_time_s + entry.spacing_s * np.arange(entry.count)
        starts.append(t0)
        ends.append(t0 + _burn_s(entry.class_) + 2.0 * step_s)
    if not starts:
        return 0
    t0, t1 = np.concatenate(starts), np.concatenate(ends)
    first = float(t0.min())
    lo = np.floor((t0 - first) / step_s).astype(np.int64)
    hi = np.ceil((t1 - first) / step_s).astype(np.int64)
    return sum(b - a for a, b in merged_intervals(lo, hi))


def _burn_s(name: str) -> float:
    cls = threat_classes()[name]
    stages = getattr(cls, "stage", [])  # a raid flies ballistic (staged) classes only
    return float(sum(float(s.burn_time_s) for s in stages))


def dimensions(spec: ScenarioSpec, trials: int | None = None) -> Dimensions:
    """The :class:`Dimensions` of ``spec`` (``trials`` overrides ``[monte_carlo] trials``)."""
    layers = {name: _layer_size(spec, name) for name in spec.space}
    sensing = sum(n for name, n in layers.items() if spec.space[name].role in SENSOR_ROLES)
    missiles = objects = 0
    for entry in spec.threats.raid:
        cls = threat_classes()[entry.class_]
        decoys = getattr(cls, "decoy_count", 0) if entry.decoys is None else entry.decoys
        rvs = cls.rv_count if isinstance(cls, BallisticClassSpec) else 1
        missiles += entry.count
        objects += entry.count * (rvs + decoys)
    sbi = None if spec.sbi is None else spec.sbi.layer
    return Dimensions(
        layers=layers,
        sensor_satellites=sensing,
        sbi_layer=sbi,
        sbi_satellites=0 if sbi is None else layers.get(sbi, 0),
        times=n_times(spec.time.duration_s, spec.time.step_s),
        boost_samples=boost_samples(spec),
        missiles=missiles,
        objects=objects,
        batteries=sum(len(site.interceptors) for site in spec.sites),
        radars=sum(1 for site in spec.sites if site.radar is not None),
        sites=len(spec.sites),
        trials=spec.monte_carlo.trials if trials is None else trials,
        phase_samples=spec.monte_carlo.phase_samples,
    )


def _layer_size(spec: ScenarioSpec, name: str) -> int:
    layer = spec.space[name]
    for key in ("satellites", "longitudes_rad", "apogee_longitudes_rad", "_lines"):
        value = getattr(layer, key, None)
        if isinstance(value, int):
            return value
        if isinstance(value, list | tuple):
            return len(value)
    return len(layer.build(name).initial_elements(spec.time.epoch))  # pragma: no cover


@dataclass(frozen=True)
class StageBytes:
    """One stage's memory: what it keeps for later stages and what it frees when done.

    Attributes
    ----------
    name : str
    kept, working : int, bytes
    """

    name: str
    kept: int
    working: int


def stage_bytes(d: Dimensions) -> list[StageBytes]:
    """Each stage's kept and working bytes for dimensions ``d``, in the pipeline's order."""
    t, n_obj = d.times, d.missiles + d.objects
    _, n_max = d.largest_layer
    boost = min(BOOST_WORK, BOOST_SAMPLE * d.sbi_satellites * d.boost_samples)
    return [
        StageBytes(
            "architecture",
            SATELLITE * d.satellites + SENSOR_PROPAGATIONS * POSITIONS * t * d.sensor_satellites,
            min(BLOCK_WORK, ARCHITECTURE_WORK * n_max * t),
        ),
        StageBytes(
            "raid",
            MISSILE_SAMPLE * d.missiles * (t + d.boost_samples) + OBJECT_SAMPLE * n_obj * t,
            TRAJECTORY_SAMPLE * n_obj * t,
        ),
        StageBytes("boost", 0, boost if d.missiles else 0),
        StageBytes(
            "sensing", 0, SENSING_SAMPLE * n_obj * t + FRAME_PAIR * d.sensor_satellites * n_obj
        ),
        StageBytes("kill_chain", (WINDOW_SAMPLE * d.batteries + 40) * d.objects * t, 0),
        StageBytes("trials", 0, TRIAL_OBJECT * d.trials * n_obj),
    ]

"""The run context: a scenario's models built once, with every expensive result cached.

One :class:`RunContext` is made per run from the validated spec. It holds the clock (epoch,
grid, Earth-rotation angle at the epoch), the named random streams, every space layer with
its epoch elements and cached propagations (one per grid and phasing), the ground sites and
defended assets as arrays, the raid flown once (:mod:`goldendome.run.raid`), and the
sensors. The pipeline's stages take the context and read from it; none rebuilds a model
from the spec.

A study that runs several architectures against one raid (the timeline's years) flies it
once and hands it to each run's context (``RunContext(spec, raid=...)``), checked against
the spec by :func:`raid_inputs`: the flight reads only the seed, the time window and the
raid, so the runs are bit for bit what they would be with their own flights.
"""

import dataclasses
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from goldendome.physics.clock import Clock
from goldendome.run.layers import SpaceLayer, places
from goldendome.run.raid import FlownRaid, fly_raid
from goldendome.run.sensor_models import build_sensors
from goldendome.run.sink import ProgressFn
from goldendome.run.streams import Streams
from goldendome.scenario.spec import ScenarioSpec
from goldendome.sensors.base import Sensor


def raid_inputs(spec: ScenarioSpec) -> str:
    """What the raid's flight (:func:`goldendome.run.raid.fly_raid`) reads of ``spec``: the
    seed, the time window and the raid, as text. Scenarios with equal text fly the same raid,
    bit for bit, whatever else differs (the catalogs of threat classes, launch areas and
    targets are the package's data, the same for every scenario)."""
    return json.dumps(
        {
            "seed": spec.seed,
            "time": spec.time.model_dump(mode="json"),
            "threats": spec.threats.model_dump(mode="json"),
        },
        sort_keys=True,
    )


def _read_only(value: object) -> None:
    """Mark every array of ``value`` (dataclasses, lists and tuples, to any depth) read-only,
    so a stage that wrote into a shared raid would fail instead of changing other runs."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, list | tuple):
        for item in value:
            _read_only(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in vars(value).values():
            _read_only(item)


@dataclass(frozen=True, eq=False)
class SharedRaid:
    """A raid flown once for several runs, with the :func:`raid_inputs` it was flown from.

    Its arrays are read-only (its scene included, made once here); it pickles, so worker
    processes can receive it.

    Attributes
    ----------
    inputs : str
    raid : FlownRaid or None
        None: the scenario has no raid.
    """

    inputs: str
    raid: FlownRaid | None

    @classmethod
    def fly(cls, spec: ScenarioSpec) -> "SharedRaid":
        """Fly ``spec``'s raid as a run of ``spec`` would (same clock and streams)."""
        clock = Clock.uniform(spec.time.epoch, spec.time.duration_s, spec.time.step_s)
        shared = cls(raid_inputs(spec), fly_raid(spec, clock, Streams(spec.seed)))
        shared.protect()
        return shared

    def protect(self) -> None:
        """Make the scene (once) and mark every array read-only (again after unpickling)."""
        if self.raid is not None:
            _ = self.raid.scene
            _read_only(self.raid)


class RunContext:
    """A scenario's models, built once for a run (see the module docstring).

    Parameters
    ----------
    spec : ScenarioSpec
        The validated scenario.
    raid : FlownRaid, optional
        The raid already flown for a scenario with the same :func:`raid_inputs` (flown
        here, once, when first asked for, if omitted). It is shared, never changed.

    Raises
    ------
    ValueError
        ``raid`` was given with the inputs of another scenario's raid.
    """

    def __init__(self, spec: ScenarioSpec, raid: SharedRaid | None = None) -> None:
        self.spec = spec
        if raid is not None:
            if raid.inputs != raid_inputs(spec):
                raise ValueError(
                    f"The raid given to the run of '{spec.name}' was flown for another seed, "
                    "time window or raid; fly this scenario's own."
                )
            self.__dict__["raid"] = raid.raid
        self.clock = Clock.uniform(spec.time.epoch, spec.time.duration_s, spec.time.step_s)
        self.streams = Streams(spec.seed)
        layers: dict[str, SpaceLayer] = {}
        first = 0
        for k, (name, layer_spec) in enumerate(spec.space.items()):
            model = layer_spec.build(name)
            elements = model.initial_elements(spec.time.epoch)
            layers[name] = SpaceLayer(name, k, layer_spec, model, elements, first)
            first += len(elements)
        self.layers = layers
        self.sites = places(
            [s.name for s in spec.sites],
            [s.latitude_rad for s in spec.sites],
            [s.longitude_rad for s in spec.sites],
            [s.altitude_m for s in spec.sites],
        )
        #: Results a stage computed for later stages, by key (one computation per run).
        self.products: dict[object, Any] = {}
        self.assets = places(
            [a.name for a in spec.defended_assets],
            [a.latitude_rad for a in spec.defended_assets],
            [a.longitude_rad for a in spec.defended_assets],
            [0.0 for _ in spec.defended_assets],
        )

    @property
    def n_satellites(self) -> int:
        """Satellites over all layers."""
        return sum(layer.n_satellites for layer in self.layers.values())

    @property
    def sbi_layer(self) -> SpaceLayer | None:
        """The layer that carries the space-based interceptors (``[sbi] layer``), or None."""
        return None if self.spec.sbi is None else self.layers[self.spec.sbi.layer]

    def propagations(self) -> int:
        """Layer propagations done so far (each a whole layer on one grid)."""
        return sum(layer.propagations for layer in self.layers.values())

    @cached_property
    def sensors(self) -> list[Sensor]:
        """Every sensor of the scenario (infrared layers, then radars), built once."""
        return build_sensors(self.spec, self.clock, self.layers)

    @cached_property
    def raid(self) -> FlownRaid | None:
        """The raid aimed and flown once (None without a raid)."""
        return fly_raid(self.spec, self.clock, self.streams)

    def fly_raid(self, progress: ProgressFn | None = None) -> FlownRaid | None:
        """:attr:`raid`, flown now (once) with ``progress(stage, done, total)`` reports."""
        if "raid" not in self.__dict__:
            self.__dict__["raid"] = fly_raid(self.spec, self.clock, self.streams, progress)
        return self.raid

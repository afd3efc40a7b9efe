"""The run context: a scenario's models built once, with every expensive result cached.

One :class:`RunContext` is made per run from the validated spec. It holds the clock (epoch,
grid, Earth-rotation angle at the epoch), the named random streams, every space layer with
its epoch elements and cached propagations (one per grid and phasing), the ground sites and
defended assets as arrays, the raid flown once (:mod:`goldendome.run.raid`), and the
sensors. The pipeline's stages take the context and read from it; none rebuilds a model
from the spec.
"""

from functools import cached_property
from typing import Any

from goldendome.physics.clock import Clock
from goldendome.run.layers import SpaceLayer, places
from goldendome.run.raid import FlownRaid, fly_raid
from goldendome.run.sensor_models import build_sensors
from goldendome.run.sink import ProgressFn
from goldendome.run.streams import Streams
from goldendome.scenario.spec import ScenarioSpec
from goldendome.sensors.base import Sensor


class RunContext:
    """A scenario's models, built once for a run (see the module docstring).

    Parameters
    ----------
    spec : ScenarioSpec
        The validated scenario.
    """

    def __init__(self, spec: ScenarioSpec) -> None:
        self.spec = spec
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

"""The run's space layers (each with its epoch elements and cached propagations) and its
named places (sites, defended assets) as arrays."""

import math
from dataclasses import dataclass, field

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.base import Constellation, OrbitalElements
from goldendome.physics._types import FloatArray
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.scenario.constellations import ConstellationSpec

#: Phase ``k`` of ``K`` advances every satellite by ``2 pi frac(k * GOLDEN)`` along its orbit.
GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0


@dataclass(eq=False)
class SpaceLayer:
    """One space layer: its spec, its model, its epoch elements and cached propagations.

    Attributes
    ----------
    name : str
    layer_id : int
        Position in the scenario's ``[space]`` tables.
    spec : ConstellationSpec
    model : Constellation
    elements : OrbitalElements
        Mean elements at the scenario epoch.
    first_satellite_id : int
        Global id of the layer's first satellite (ids run over the layers in order).
    """

    name: str
    layer_id: int
    spec: ConstellationSpec
    model: Constellation
    elements: OrbitalElements
    first_satellite_id: int
    _cache: dict[tuple[str, int, int], FloatArray] = field(default_factory=dict, repr=False)
    propagations: int = 0

    @property
    def role(self) -> str:
        """interceptor, tracking or early_warning."""
        return str(self.model.role)

    @property
    def n_satellites(self) -> int:
        """Satellites in the layer."""
        return len(self.elements)

    def phased(self, phase: int, n_phases: int) -> OrbitalElements:
        """The elements of phasing ``phase`` of ``n_phases``.

        Phase 0 is the scenario as written; phase ``k`` turns every orbit's node by
        ``2 pi k / K`` and advances every satellite by ``2 pi frac(k * golden ratio)`` along
        its orbit, a low-discrepancy sweep of launch time of day and orbital phase.
        """
        e = self.elements
        return e.from_arrays(
            semi_major_axis_m=e.semi_major_axis_m,
            eccentricity=e.eccentricity,
            inclination_rad=e.inclination_rad,
            raan_rad=e.raan_rad + 2 * math.pi * phase / n_phases,
            arg_perigee_rad=e.arg_perigee_rad,
            mean_anomaly_rad=e.mean_anomaly_rad + 2 * math.pi * ((phase * GOLDEN) % 1.0),
        )

    def positions_eci(
        self, grid: str, t_s: FloatArray, phase: int = 0, n_phases: int = 1
    ) -> FloatArray:
        """Positions ``(n_satellite, n_time, 3)`` (ECI, meters) on a named grid, cached.

        Parameters
        ----------
        grid : str
            The grid's name (``"clock"``, ``"boost"``, ...): one propagation per name and
            phasing, whoever asks.
        t_s : (n_time,) float64, seconds
            The grid (used on the first call for a name).
        phase, n_phases : int
            The phasing (:meth:`phased`); phase 0 is the scenario's own elements.
        """
        key = (grid, phase, n_phases if phase else 1)
        if key not in self._cache:
            elements = self.elements if phase == 0 else self.phased(phase, n_phases)
            self._cache[key] = propagate_analytic(elements, t_s)
            self.propagations += 1
        return self._cache[key]


@dataclass(frozen=True, eq=False)
class PlaceArrays:
    """Positions of named places (sites or defended assets) as arrays.

    Attributes
    ----------
    names : list of str
    latitude_rad, longitude_rad, altitude_m : (n,) float64
    r_ecef_m : (n, 3) float64, meters
    """

    names: list[str]
    latitude_rad: FloatArray
    longitude_rad: FloatArray
    altitude_m: FloatArray
    r_ecef_m: FloatArray


def places(names: list[str], lat: list[float], lon: list[float], alt: list[float]) -> PlaceArrays:
    la, lo, al = (np.array(v, dtype=np.float64) for v in (lat, lon, alt))
    r = geodetic_to_ecef(la, lo, al) if names else np.zeros((0, 3))
    return PlaceArrays(names, la, lo, al, r)

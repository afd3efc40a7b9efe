"""The run's space layers (each with its epoch elements and cached propagations) and its
named places (sites, defended assets) as arrays.

A layer's positions on a grid are ``(n_satellite, n_time, 3)`` float64: 24 bytes per
satellite and sample, gigabytes for a hundred thousand satellites over a day. Stages that
only reduce them (coverage counts, reach checks) stream the layer in blocks of satellites
(:meth:`SpaceLayer.blocks`) and never hold it whole; only what the sensors keep is cached.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.base import Constellation, OrbitalElements
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.run.work_bounds import BLOCK_BYTES
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
        """The elements of phasing ``phase`` of ``n_phases`` (:func:`phased_elements`)."""
        return phased_elements(self.elements, phase, n_phases)

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

    def blocks(
        self,
        grid: str,
        t_s: FloatArray,
        phase: int = 0,
        n_phases: int = 1,
        max_bytes: int | None = None,
    ) -> Iterator[tuple[slice, FloatArray]]:
        """The positions of :meth:`positions_eci` in blocks of satellites, never all at once.

        Parameters
        ----------
        grid, t_s, phase, n_phases
            As for :meth:`positions_eci`.
        max_bytes : int, optional
            Most bytes per block (at least one satellite per block); :data:`BLOCK_BYTES`
            when omitted.

        Yields
        ------
        rows : slice
            The block's satellites (indices into the layer).
        r_eci_m : (n_rows, n_time, 3) float64, meters
            Their positions: a view of the cached propagation when there is one, else
            propagated into a buffer that the next block overwrites (copy what you keep).
            A full pass counts as one propagation.
        """
        key = (grid, phase, n_phases if phase else 1)
        n_sat, n_t = self.n_satellites, int(np.shape(t_s)[0])
        rows_per = block_rows(n_t, BLOCK_BYTES if max_bytes is None else max_bytes)
        cached = self._cache.get(key)
        if cached is not None:
            for first in range(0, n_sat, rows_per):
                rows = slice(first, min(first + rows_per, n_sat))
                yield rows, cached[rows]
            return
        self.propagations += 1
        elements = self.elements if phase == 0 else self.phased(phase, n_phases)
        buffer = np.empty((min(rows_per, n_sat), n_t, 3))
        for first in range(0, n_sat, rows_per):
            rows = slice(first, min(first + rows_per, n_sat))
            out = buffer[: rows.stop - rows.start]
            yield rows, propagate_analytic(take_rows(elements, rows), t_s, out=out)


def phased_elements(elements: OrbitalElements, phase: int, n_phases: int) -> OrbitalElements:
    """The elements of phasing ``phase`` of ``n_phases``.

    Phase 0 is ``elements`` as written; phase ``k`` turns every orbit's node by
    ``2 pi k / K`` and advances every satellite by ``2 pi frac(k * golden ratio)`` along
    its orbit, a low-discrepancy sweep of launch time of day and orbital phase.
    """
    if phase == 0:
        return elements
    e = elements
    return e.from_arrays(
        semi_major_axis_m=e.semi_major_axis_m,
        eccentricity=e.eccentricity,
        inclination_rad=e.inclination_rad,
        raan_rad=e.raan_rad + 2 * math.pi * phase / n_phases,
        arg_perigee_rad=e.arg_perigee_rad,
        mean_anomaly_rad=e.mean_anomaly_rad + 2 * math.pi * ((phase * GOLDEN) % 1.0),
    )


def take_rows(elements: OrbitalElements, rows: slice | IntArray) -> OrbitalElements:
    """The elements of satellites ``rows``: views of ``elements``' arrays for a slice,
    copies for an array of indices."""
    e = elements
    return OrbitalElements(
        e.semi_major_axis_m[rows],
        e.eccentricity[rows],
        e.inclination_rad[rows],
        e.raan_rad[rows],
        e.arg_perigee_rad[rows],
        e.mean_anomaly_rad[rows],
    )


def block_rows(n_time: int, max_bytes: int) -> int:
    """Satellites per block so that ``(rows, n_time, 3)`` float64 fits in ``max_bytes``."""
    return max(1, max_bytes // (24 * max(n_time, 1)))


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

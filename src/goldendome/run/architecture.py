"""One pass over the architecture's kinematics: space layers propagated over the window and
the satellites each ground site has in view.

This is what a run does before threats, sensors and interceptors exist: it exercises the
physics core end to end on the scenario (elements -> analytic J2 propagation -> Earth rotation ->
geodetic altitude and local elevation) and reports figures an analyst can check by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.physics._types import FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.physics.topocentric import ecef_to_enu
from goldendome.scenario.spec import ScenarioSpec

#: Progress callback: ``(stage, done, total)``; ``done`` counts items finished in ``stage``.
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class LayerResult:
    """One space layer over the window (altitudes are geodetic, over all satellites)."""

    name: str
    role: str
    kind: str
    n_satellites: int
    period_min: float
    altitude_min_km: float
    altitude_max_km: float
    latitude_max_deg: float


@dataclass(frozen=True)
class SiteCoverage:
    """How many of a layer's satellites a site sees above its elevation mask."""

    site: str
    role: str
    layer: str
    mean_in_view: float
    min_in_view: int
    max_in_view: int
    fraction_of_time_covered: float


@dataclass(frozen=True)
class ArchitectureResult:
    """Everything the architecture pass computed."""

    t_s: FloatArray
    layers: list[LayerResult]
    coverage: list[SiteCoverage]


def _noop(stage: str, done: int, total: int) -> None:
    return None


def simulate_architecture(
    spec: ScenarioSpec,
    progress: ProgressFn = _noop,
    on_layer: Callable[[LayerResult, list[SiteCoverage]], None] | None = None,
) -> ArchitectureResult:
    """Propagate every space layer and count the satellites each site has in view.

    Parameters
    ----------
    spec : ScenarioSpec
    progress : callable
        ``progress(stage, done, total)`` after each chunk of work.
    on_layer : callable, optional
        Called with each layer's results as soon as they are finished (so an interrupted run
        keeps them).

    Returns
    -------
    ArchitectureResult
    """
    t_s = np.arange(0.0, spec.time.duration_s + 0.5 * spec.time.step_s, spec.time.step_s)
    site_lat = np.array([s.latitude_rad for s in spec.sites])
    site_lon = np.array([s.longitude_rad for s in spec.sites])
    site_r = geodetic_to_ecef(site_lat, site_lon, np.array([s.altitude_m for s in spec.sites]))
    models = {name: layer_spec.build(name) for name, layer_spec in spec.space.items()}
    total = sum(model.n_satellites for model in models.values())
    done = 0
    layers: list[LayerResult] = []
    coverage: list[SiteCoverage] = []
    for name, layer in models.items():
        elements = layer.initial_elements(spec.time.epoch)

        r_ecef = propagate_analytic(elements, t_s, frame="ecef", epoch_utc=spec.time.epoch)
        done += len(elements)
        progress("propagating satellites", done, total)
        lat, _, height = ecef_to_geodetic(r_ecef)
        a = elements.semi_major_axis_m
        result = LayerResult(
            name=name,
            role=layer.role,
            kind=spec.space[name].kind,
            n_satellites=len(elements),
            period_min=float(np.mean(2 * np.pi * np.sqrt(a**3 / MU_EARTH_M3_S2)) / 60.0),
            altitude_min_km=float(height.min() / 1e3),
            altitude_max_km=float(height.max() / 1e3),
            latitude_max_deg=float(np.degrees(np.abs(lat).max())),
        )
        layer_coverage = [
            _site_coverage(
                site.name,
                site.role,
                name,
                r_ecef,
                site_lat[i],
                site_lon[i],
                site_r[i],
                site.min_elevation_rad,
            )
            for i, site in enumerate(spec.sites)
        ]
        layers.append(result)
        coverage.extend(layer_coverage)
        if on_layer is not None:
            on_layer(result, layer_coverage)
    return ArchitectureResult(t_s=t_s, layers=layers, coverage=coverage)


def _site_coverage(
    site: str,
    role: str,
    layer: str,
    r_ecef_m: FloatArray,
    lat_rad: float,
    lon_rad: float,
    r_site_m: FloatArray,
    min_elevation_rad: float,
) -> SiteCoverage:
    """Counts over time of satellites ``(n_sat, n_t, 3)`` above the site's elevation mask."""
    enu = ecef_to_enu(r_ecef_m, lat_rad, lon_rad, r_site_m)
    sin_el = enu[..., 2] / np.linalg.norm(enu, axis=-1)
    in_view = np.count_nonzero(sin_el >= np.sin(min_elevation_rad), axis=0)
    return SiteCoverage(
        site=site,
        role=role,
        layer=layer,
        mean_in_view=float(in_view.mean()),
        min_in_view=int(in_view.min()),
        max_in_view=int(in_view.max()),
        fraction_of_time_covered=float(np.mean(in_view > 0)),
    )

"""Stage 1, the architecture: every space layer over the window, the satellites each ground
site has in view, and the scenario's places (sites, defended assets) as tables.

Visibility: a satellite is in view of a site when its elevation above the site's geodetic
horizon is at least the site's mask (:mod:`goldendome.physics.elevation_counts`).
"""

import math

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.elevation_counts import in_view_counts_eci, up_vectors
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic_extent import geodetic_extent
from goldendome.run.context import RunContext
from goldendome.run.layers import SpaceLayer
from goldendome.run.sensor_models import INFRARED_ROLES
from goldendome.run.sink import Sink

PROPAGATOR = "analytic Kepler + J2 secular"
#: Spacing of the ``satellite_positions`` sub-grid (a viewer interpolates between samples).
VIEWER_STEP_S = 120.0


def viewer_indices(t_s: FloatArray, step_s: float) -> np.ndarray:
    """Indices of the clock grid kept in ``satellite_positions``: about every
    :data:`VIEWER_STEP_S` seconds, and always the first and last time."""
    stride = max(1, round(VIEWER_STEP_S / step_s))
    kept = np.arange(0, t_s.shape[0], stride)
    if kept[-1] != t_s.shape[0] - 1:
        kept = np.append(kept, t_s.shape[0] - 1)
    return kept


def _layer_tables(
    ctx: RunContext, layer: SpaceLayer, sink: Sink, done: int
) -> tuple[dict[str, object], dict[str, list[object]]]:
    """One layer's row of ``layers`` and its rows of ``site_coverage``.

    The layer is streamed in blocks of satellites (:meth:`SpaceLayer.blocks`): memory stays
    bounded whatever its size, and progress is reported after each block. The layers whose
    satellites carry sensors are propagated whole first, since the sensors keep them. The
    results are kept in the context: asking again propagates nothing.
    """
    key = ("layer_tables", layer.name)
    if key not in ctx.products:
        ctx.products[key] = _streamed_tables(ctx, layer, sink, done)
    found: tuple[dict[str, object], dict[str, list[object]]] = ctx.products[key]
    return found


def _streamed_tables(
    ctx: RunContext, layer: SpaceLayer, sink: Sink, done: int
) -> tuple[dict[str, object], dict[str, list[object]]]:
    t_s = ctx.clock.t_s
    if layer.role in INFRARED_ROLES:
        layer.positions_eci("clock", t_s)
    theta = ctx.clock.theta_rad(t_s)
    sites = ctx.sites
    up = up_vectors(sites.latitude_rad, sites.longitude_rad)
    masks = np.array([s.min_elevation_rad for s in ctx.spec.sites], dtype=np.float64)
    counts = np.zeros((len(ctx.spec.sites), t_s.shape[0]), np.int64)
    low, high, lat_max = math.inf, -math.inf, 0.0
    kept = viewer_indices(t_s, ctx.clock.step_s)
    kept_ecef: list[FloatArray] = []
    for rows, r_eci in layer.blocks("clock", t_s):
        kept_ecef.append(eci_to_ecef(r_eci[:, kept], theta[kept]))
        # Geodetic latitude and height do not depend on the rotation about the polar axis.
        extent = geodetic_extent(r_eci)
        low, high = min(low, float(extent[:, 0].min())), max(high, float(extent[:, 1].max()))
        lat_max = max(lat_max, float(extent[:, 2].max()))
        counts += in_view_counts_eci(r_eci, theta, up, sites.r_ecef_m, masks)
        if rows.stop < layer.n_satellites:  # the layer's end is reported once it is stored
            sink.progress("propagating satellites", done + rows.stop, ctx.n_satellites)
    a = layer.elements.semi_major_axis_m
    row: dict[str, object] = {
        "layer_id": layer.layer_id,
        "name": layer.name,
        "role": layer.role,
        "kind": layer.spec.kind,
        "propagator": PROPAGATOR,
        "n_satellites": layer.n_satellites,
        "first_satellite_id": layer.first_satellite_id,
        "period_s": float(np.mean(2 * np.pi * np.sqrt(a**3 / MU_EARTH_M3_S2))),
        "altitude_min_m": low if layer.n_satellites else math.nan,
        "altitude_max_m": high if layer.n_satellites else math.nan,
        "latitude_max_deg": float(np.degrees(lat_max)) if layer.n_satellites else math.nan,
    }
    ctx.products[("satellite_positions", layer.name)] = _position_columns(
        layer.first_satellite_id, t_s[kept], kept_ecef
    )
    cover: dict[str, list[object]] = {c: [] for c in _COVERAGE_COLUMNS}
    for i in range(len(ctx.spec.sites)):
        n = counts[i]
        for key, value in (
            ("site_id", i),
            ("layer_id", layer.layer_id),
            ("mean_in_view", float(n.mean())),
            ("min_in_view", int(n.min())),
            ("max_in_view", int(n.max())),
            ("fraction_of_time_covered", float(np.mean(n > 0))),
        ):
            cover[key].append(value)
    return row, cover


def _position_columns(
    first_satellite_id: int, t_s: FloatArray, blocks: list[FloatArray]
) -> dict[str, FloatArray]:
    """A layer's rows of ``satellite_positions`` from its blocks of Earth-fixed positions
    ``(n_rows, n_kept, 3)``, satellite by satellite, time ascending."""
    r_ecef = np.concatenate(blocks) if blocks else np.zeros((0, t_s.shape[0], 3))
    n_sat, n_t = r_ecef.shape[0], t_s.shape[0]
    return {
        "satellite_id": np.repeat(first_satellite_id + np.arange(n_sat), n_t),
        "t_s": np.tile(t_s, n_sat),
        "x_ecef_m": r_ecef[..., 0].ravel(),
        "y_ecef_m": r_ecef[..., 1].ravel(),
        "z_ecef_m": r_ecef[..., 2].ravel(),
    }


_COVERAGE_COLUMNS = (
    "site_id",
    "layer_id",
    "mean_in_view",
    "min_in_view",
    "max_in_view",
    "fraction_of_time_covered",
)


def places_tables(ctx: RunContext, sink: Sink) -> None:
    """The ``satellites``, ``sites`` and ``defended_assets`` tables."""
    spec = ctx.spec
    sat: dict[str, list[FloatArray]] = {}
    for layer in ctx.layers.values():
        e, n = layer.elements, layer.n_satellites
        for key, value in (
            ("satellite_id", layer.first_satellite_id + np.arange(n)),
            ("layer_id", np.full(n, layer.layer_id)),
            ("index_in_layer", np.arange(n)),
            ("semi_major_axis_m", e.semi_major_axis_m),
            ("eccentricity", e.eccentricity),
            ("inclination_deg", np.degrees(e.inclination_rad)),
            ("raan_deg", np.degrees(e.raan_rad)),
            ("arg_perigee_deg", np.degrees(e.arg_perigee_rad)),
            ("mean_anomaly_deg", np.degrees(e.mean_anomaly_rad)),
        ):
            sat.setdefault(key, []).append(np.asarray(value))
    sink.table("satellites", {k: np.concatenate(v) for k, v in sat.items()})
    sink.table(
        "sites",
        {
            "site_id": np.arange(len(spec.sites)),
            "name": [s.name for s in spec.sites],
            "role": [s.role for s in spec.sites],
            "latitude_deg": np.degrees(ctx.sites.latitude_rad),
            "longitude_deg": np.degrees(ctx.sites.longitude_rad),
            "altitude_m": ctx.sites.altitude_m,
            "min_elevation_deg": [np.degrees(s.min_elevation_rad) for s in spec.sites],
            "radar_type": ["" if s.radar is None else s.radar.type for s in spec.sites],
        },
    )
    assets = spec.defended_assets
    sink.table(
        "defended_assets",
        {
            "asset_id": np.arange(len(assets)),
            "name": [a.name for a in assets],
            "kind": [a.kind for a in assets],
            "latitude_deg": np.degrees(ctx.assets.latitude_rad),
            "longitude_deg": np.degrees(ctx.assets.longitude_rad),
            "radius_m": [a.radius_m for a in assets],
            "population": [a.population for a in assets],
            "worth": [a.worth() for a in assets],
        },
    )


def run_architecture(ctx: RunContext, sink: Sink) -> None:
    """Propagate every layer on the scenario grid and count each site's satellites in view.

    ``layers`` and ``site_coverage`` are stored after each layer, so an interrupted run
    keeps the layers it finished; progress (satellites done) is reported after each block
    of satellites.
    """
    places_tables(ctx, sink)
    rows: list[dict[str, object]] = []
    cover: dict[str, list[object]] = {c: [] for c in _COVERAGE_COLUMNS}
    done = 0
    for layer in ctx.layers.values():
        row, layer_cover = _layer_tables(ctx, layer, sink, done)
        rows.append(row)
        for key, values in layer_cover.items():
            cover[key].extend(values)
        sink.table("layers", {k: [r[k] for r in rows] for k in rows[0]})
        sink.table("site_coverage", cover)
        names = list(ctx.layers)[: len(rows)]
        positions = [ctx.products[("satellite_positions", n)] for n in names]
        sink.table(
            "satellite_positions",
            {k: np.concatenate([p[k] for p in positions]) for k in positions[0]},
        )
        done += layer.n_satellites
        sink.progress("propagating satellites", done, ctx.n_satellites)

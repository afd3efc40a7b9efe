"""Stage 5, the engagement picture: what every Monte Carlo trial shares, built once.

From the flown raid, the boost layer's sampler (its samples are computed where the trials
run) and the sensing pass: one battery per
interceptor type at each interceptor site, with its magazine (less the reserve) and its
kinematic intercept windows against every released object
(:mod:`goldendome.interceptors.intercept_window`; no regime: what each object truly is only
scores the kills); each released object's kind, missile, true
impact and the defended asset it lands on, and the chance that discrimination tells its
kind; and the battle manager's targets, the sensing pass's fire-control tracks
(:mod:`goldendome.run.track_targets`), each with the impact it predicts. Without a sensing
pass nothing is ever given fire control and the surface layers fire no shot.
"""

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.engagement.discrimination_call import CallInputs, ObjectCalls, object_calls
from goldendome.engagement.picture import Battery, KillChainSetup, nearest_asset
from goldendome.engagement.targets import TrackTargets, one_track_per_object
from goldendome.interceptors.ground_based import interceptor_types, manoeuvre_rule
from goldendome.interceptors.intercept_window import intercept_windows
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.frames import eci_to_ecef, state_eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.kinds import kind_labels
from goldendome.run.context import RunContext
from goldendome.run.raid import FlownRaid, raid_entries
from goldendome.run.ranges import battery_kill_probability, range_index
from goldendome.run.sink import Sink
from goldendome.run.stages.boost import boost_sampler
from goldendome.scenario.ranges import nominal
from goldendome.sensors.labels import LOOK_CLASSES
from goldendome.sensors.radar_horizon import radar_horizon_range_m
from goldendome.tracking.regime import Regime, glide_density_ok

#: Predicted-impact sigma of a track that predicts an impact without one (m): goldendome
#: assumption, the upper end of the default scenario's fire-control predictions (4-6 km).
DEFAULT_IMPACT_SIGMA_M = 6_000.0


@dataclass(frozen=True, eq=False)
class SensedObjects:
    """What the sensing pass tells the battle manager.

    Attributes
    ----------
    fire_control_s : (n_released,) float64, seconds
        Each released object's first fire-control track (NaN: never; as the
        ``fire_control`` table; the battle manager engages ``targets``, not objects).
    impact_sigma_m : (n_released,) float64, meters
        That track's predicted-impact 1-sigma (NaN: none).
    told_probability : (n_released,) float64
        Chance that discrimination tells each released object's kind (catalog decoys).
    looks : (n_released, 4) int64
        Looks at each released object after its release, by each class of
        :data:`goldendome.sensors.labels.LOOK_CLASSES`.
    targets : TrackTargets
        The fire-control tracks (:func:`goldendome.run.track_targets.track_targets`).
    """

    fire_control_s: FloatArray
    impact_sigma_m: FloatArray
    told_probability: FloatArray
    targets: TrackTargets
    looks: IntArray


def _no_targets(n_obj: int) -> TrackTargets:
    nan = np.full(n_obj, np.nan)
    return one_track_per_object(nan, nan, nan, nan)


def batteries(ctx: RunContext) -> list[Battery]:
    """One battery per interceptor type at each interceptor site, reserve held back, with
    the scenario's kill probabilities where it gives the battery (or its type) its own (a
    range's mean: the trials draw the truth; against glide vehicles and cruise missiles a
    number, scaled in each trial like the catalog's)."""
    types = interceptor_types()
    keep = 1.0 - ctx.spec.doctrine.reserve_fraction
    out = []
    for i, site in enumerate(ctx.spec.sites):
        for j, b in enumerate(site.interceptors):
            kind = types[b.type]
            chosen: dict[str, Any] = {}
            for key in ("sspk_rv", "sspk_decoy"):
                given, _ = battery_kill_probability(ctx.spec, i, j, key)
                if given is not None:
                    chosen[key] = nominal(given)
            for key in ("sspk_glide", "sspk_cruise"):  # numbers only, never drawn
                own = getattr(b, key)
                by_type = ctx.spec.interceptor_types.get(b.type)
                given = own if own is not None else getattr(by_type, key, None)
                if given is not None:
                    chosen[key] = given
            if chosen:
                kind = dataclasses.replace(kind, **chosen)
            out.append(
                Battery(i, site.name, kind, math.floor(b.count * keep), ctx.sites.r_ecef_m[i])
            )
    return out


def object_decoy_types(ctx: RunContext) -> list[str]:
    """The decoy type of each released object's missile (raid entries in the order their
    missiles are numbered, :func:`goldendome.run.raid.raid_entries`)."""
    assert ctx.raid is not None
    by_missile = [e.decoy_type for e in raid_entries(ctx.spec) for _ in range(e.count)]
    return [by_missile[m] for m in ctx.raid.deployment.missile]


def _calls(ctx: RunContext, looks: IntArray) -> ObjectCalls:
    """What discrimination may call each released object, and the doctrine's rule."""
    raid, spec = ctx.raid, ctx.spec
    assert raid is not None
    doctrine = spec.doctrine
    return object_calls(
        looks,
        raid.deployment.kind.astype(np.int64),
        object_decoy_types(ctx),
        spec.discrimination.model(),
        doctrine.warhead_prior,
        doctrine.warhead_threshold,
        doctrine.assumed_decoy_type,
    )


def object_regimes(raid: FlownRaid, altitude_m: FloatArray) -> IntArray | None:
    """Each released object's true regime at each sample, ``(n_obj, n_t)`` int64; None when
    the raid has no glider or cruise missile.

    A cruise missile is air-breathing throughout. A glide vehicle glides where the air can
    hold it up at its speed (:func:`goldendome.tracking.regime.glide_density_ok`, the rule
    the battle manager reads tracks by: from its pull-up on, through its dive); above that,
    in its boost and ballistic coast, it is ballistic. Everything else is ballistic. This
    truth scores the kills (:meth:`goldendome.engagement.picture.KillChainSetup.true_regime`)
    and nothing else: the intercept windows are kinematic and the battle manager plans with
    the regime it reads from the track.
    """
    gliding, cruising = raid.gliding_objects, raid.cruising[raid.deployment.missile]
    if not (gliding.any() or cruising.any()):
        return None
    out = np.full(altitude_m.shape, int(Regime.BALLISTIC), np.int64)
    g = np.flatnonzero(gliding)
    if g.size:
        f = raid.deployment.flight
        theta = np.broadcast_to(f.theta_rad(f.t_s), (g.size, f.t_s.size))
        fixed = state_eci_to_ecef(f.y_eci[g], theta)  # (n_glider, n_t, 6)
        speed = np.linalg.norm(fixed[..., 3:], axis=-1)
        radius = np.linalg.norm(fixed[..., :3], axis=-1)
        with np.errstate(invalid="ignore"):
            glide = glide_density_ok(altitude_m[g], speed, radius)
        rows = out[g]
        rows[glide] = Regime.GLIDE
        out[g] = rows
    out[np.asarray(cruising, bool)] = Regime.AIR_BREATHING
    return out


def build_setup(ctx: RunContext, sensed: SensedObjects | None) -> KillChainSetup:
    """Everything the trials of the run share (see the module docstring)."""
    raid = ctx.raid
    if raid is None:
        raise ValueError("the kill chain needs a raid.")
    spec = ctx.spec
    f = raid.deployment.flight
    lat, lon = f.impact_lat_lon_rad()
    assets = spec.defended_assets
    a_lat, a_lon = ctx.assets.latitude_rad, ctx.assets.longitude_rad
    a_rad = np.array([a.radius_m for a in assets], float)
    n_obj = len(raid.deployment)
    targets, looks = _no_targets(n_obj), np.zeros((n_obj, len(LOOK_CLASSES)), np.int64)
    if sensed is not None:
        targets, looks = sensed.targets, sensed.looks
        sigma = targets.impact_sigma_m
        unknown = np.isfinite(targets.impact_lat_rad) & ~np.isfinite(sigma)
        targets = dataclasses.replace(
            targets, impact_sigma_m=np.where(unknown, DEFAULT_IMPACT_SIGMA_M, sigma)
        )
    bats = batteries(ctx)
    site_r = np.stack([b.r_ecef_m for b in bats]) if bats else np.zeros((0, 3))
    r_ecef = eci_to_ecef(f.y_eci[..., :3], f.theta_rad(f.t_s))
    _, _, altitude = ecef_to_geodetic(r_ecef)
    regime = object_regimes(raid, altitude)
    # Kinematic windows: the truth's regime only scores the kills (setup.object_regime).
    windows = intercept_windows(
        [b.kind for b in bats], site_r, f.t_s, r_ecef, altitude,
        radar_horizon_m=radar_horizon_range_m,
    )  # fmt: skip
    sbi, layer = spec.sbi, ctx.sbi_layer
    where = range_index(spec)
    kind = raid.deployment.kind.astype(np.int64)
    return KillChainSetup(
        doctrine=spec.doctrine,
        n_missile=raid.n_missiles,
        boost=boost_sampler(ctx),
        sbi_first_satellite_id=0 if layer is None else layer.first_satellite_id,
        sbi_sspk=0.0 if sbi is None else nominal(sbi.sspk),
        sbi_unit_cost_usd=0.0 if sbi is None else sbi.unit_cost_usd,
        object_kind=kind,
        object_missile=raid.deployment.missile.astype(np.int64),
        object_impact_lat_rad=lat,
        object_impact_lon_rad=lon,
        object_asset=nearest_asset(lat, lon, a_lat, a_lon, a_rad),
        calls=_calls(ctx, looks),
        stage_told_probability=spec.discrimination.stage_told_probability(),
        targets=targets,
        asset_lat_rad=a_lat,
        asset_lon_rad=a_lon,
        asset_radius_m=a_rad,
        asset_worth=np.array([a.worth() for a in assets], float),
        asset_names=[a.name for a in assets],
        batteries=bats,
        windows=windows,
        object_r_ecef_m=r_ecef,
        correlation={"sbi": 0.0 if sbi is None else sbi.correlation}
        | {b.kind.name: b.kind.correlation for b in bats},
        ranges=where.ranges,
        sbi_range=where.sbi,
        battery_ranges=where.batteries,
        call_ranges=where.calls,
        call_inputs=CallInputs(looks, kind, tuple(object_decoy_types(ctx)))
        if where.calls
        else None,
        call_model=spec.discrimination.model() if where.calls else None,
        stage_range=where.stage,
        object_regime=regime,
        manoeuvre=manoeuvre_rule(),
    )


def setup_tables(ctx: RunContext, setup: KillChainSetup, sink: Sink) -> None:
    """The ``interceptor_types`` and ``batteries`` tables of the engagement picture (a
    battery's own kill probabilities, where the scenario gives them, are in ``batteries``;
    ``interceptor_types`` shows the last battery's of each type)."""
    sbi = ctx.spec.sbi
    names = setup.interceptor_names()
    kinds = {b.kind.name: b.kind for b in setup.batteries}
    rows = []
    for name in names:
        if name == "sbi" and sbi is not None:
            sspk = nominal(sbi.sspk)
            rows.append((name, "boost", sbi.unit_cost_usd, sspk, sspk))
        else:
            k = kinds[name]
            rows.append((name, k.phase, k.unit_cost_usd, k.sspk_rv, k.sspk_decoy))
    sink.table(
        "interceptor_types",
        {
            c: [r[i] for r in rows]
            for i, c in enumerate(
                ("interceptor", "layer", "unit_cost_usd", "sspk_rv", "sspk_decoy")
            )
        },
    )
    calls = setup.calls
    sink.table(
        "object_calls",
        {
            "object_id": setup.n_missile + np.arange(len(calls)),
            "kind": kind_labels(setup.object_kind),
            "decoy_type": object_decoy_types(ctx),
            "p_called_decoy": calls.p_calls[:, 0],
            "p_unknown": calls.p_calls[:, 1],
            "p_called_warhead": calls.p_calls[:, 2],
            "warhead_if_called_decoy": calls.posterior[:, 0],
            "warhead_if_unknown": calls.posterior[:, 1],
            "engaged_if_called_decoy": calls.engage[:, 0],
            "engaged_if_unknown": calls.engage[:, 1],
            "warhead_if_called_warhead": calls.posterior[:, 2],
            "engaged_if_called_warhead": calls.engage[:, 2],
        },
    )
    bats = setup.batteries
    lat, lon, alt = ecef_to_geodetic(
        np.stack([b.r_ecef_m for b in bats]) if bats else np.zeros((0, 3))
    )
    sink.table(
        "batteries",
        {
            "battery_id": np.arange(len(bats)),
            "site_id": [b.site_id for b in bats],
            "interceptor": [b.kind.name for b in bats],
            "rounds": [b.magazine for b in bats],
            "sspk_rv": [b.kind.sspk_rv for b in bats],
            "sspk_decoy": [b.kind.sspk_decoy for b in bats],
            "latitude_deg": np.degrees(lat),
            "longitude_deg": np.degrees(lon),
            "altitude_m": alt,
        },
    )

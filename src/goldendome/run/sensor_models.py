"""The scenario's sensors, built once: an infrared sensor per space layer of role
``early_warning`` or ``tracking``, a space radar per layer of role ``air_moving_target``,
a radar per site with a ``radar`` table (ground, airborne or skywave, by its type).

Space layers see from their satellites' positions on the scenario grid (the layer's
cached propagation) and velocities from a central difference over one second.
"""

from collections.abc import Mapping

from goldendome.physics.clock import Clock
from goldendome.run.layers import SpaceLayer
from goldendome.scenario.spec import ScenarioSpec
from goldendome.sensors.base import Sensor
from goldendome.sensors.infrared import InfraredLayer
from goldendome.sensors.infrared_catalog import infrared_types
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_type import radar_types
from goldendome.sensors.space_radar import SpaceRadarLayer

#: Space-layer roles that carry infrared sensors, and the sensor type each carries.
INFRARED_ROLES = {"early_warning": "early_warning", "tracking": "tracking"}
#: Space-layer roles that carry radars, and the radar type (``radars.toml``) each carries.
SPACE_RADAR_ROLES = {"air_moving_target": "space-amti"}


def build_sensors(
    spec: ScenarioSpec, clock: Clock, layers: Mapping[str, SpaceLayer]
) -> list[Sensor]:
    """Every sensor of the scenario, numbered in order (infrared layers, then radars)."""
    out: list[Sensor] = []
    catalog = infrared_types()
    t_s = clock.t_s
    for layer in layers.values():
        if layer.role not in INFRARED_ROLES and layer.role not in SPACE_RADAR_ROLES:
            continue
        r = layer.positions_eci("clock", t_s)
        v = layer.positions_eci("clock+0.5", t_s + 0.5) - layer.positions_eci(
            "clock-0.5", t_s - 0.5
        )
        if layer.role in SPACE_RADAR_ROLES:
            radar = radar_types()[SPACE_RADAR_ROLES[layer.role]]
            out.append(SpaceRadarLayer(layer.name, len(out), radar, t_s, r, v))
            continue
        kind = catalog[INFRARED_ROLES[layer.role]]
        out.append(InfraredLayer(layer.name, len(out), kind, t_s, r, v))
    for site in spec.sites:
        if site.radar is None:
            continue
        radar_type = radar_types()[site.radar.type]
        el = site.radar.boresight_elevation_rad
        out.append(
            Radar(
                site.name,
                site.latitude_rad,
                site.longitude_rad,
                site.altitude_m,
                site.radar.boresight_azimuth_rad,
                radar_type.boresight_elevation_rad if el is None else el,
                radar_type,
                faces=site.radar.faces,
                min_elevation_rad=site.min_elevation_rad,
                sensor_id=len(out),
                theta0_rad=clock.theta0_rad,
            )
        )
    return out

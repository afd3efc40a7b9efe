"""The early-warning satellites' Earth footprints for the optional ``coverage`` CZML layer.

A GEO or HEO early-warning satellite sees the Earth out to its limb: the ground points whose
horizon it is above, a circle of Earth-central angle ``acos(R / r)`` about the point under
it (a sphere of mean radius R, the satellite at distance r from the centre). The infrared
catalog (``data/infrared_sensors.toml``) also gives the range out to which it detects a
boosting missile in view; where that range is shorter than the slant range to the limb
(a HEO near apogee), it sets the edge instead. The circle follows the satellite's stored
positions (the run's ``satellite_positions`` table), its radius sampled with them. Drawn on
the ground, outline only: a boosting missile is low, and a fill a third of the globe wide
would hide the rest. Nothing reruns physics.
"""

import numpy as np

from goldendome.data.loader import catalog_text
from goldendome.data.toml_text import parse_toml_text
from goldendome.results.reader import RunReader
from goldendome.web.czml_coverage import EARTH_RADIUS_M
from goldendome.web.czml_layers import Packet, _story
from goldendome.web.czml_time import ScenarioClock

#: The layer role whose satellites get a footprint, and its sensor in the infrared catalog.
ROLE = "early_warning"


def footprint_angle_rad(r_m: np.ndarray, detection_range_m: float) -> np.ndarray:
    """Earth-central angle of the footprint of satellites at distances ``r_m`` (meters from
    the centre, shape ``(n,)``): the limb, or the range limit when it is nearer."""
    limb = np.arccos(EARTH_RADIUS_M / r_m)
    cos_range = (r_m**2 + EARTH_RADIUS_M**2 - detection_range_m**2) / (2 * r_m * EARTH_RADIUS_M)
    by_range = np.arccos(np.clip(cos_range, -1.0, 1.0))
    within: np.ndarray = np.minimum(limb, by_range)
    return within


def footprint_packets(run: RunReader, clock: ScenarioClock) -> list[Packet]:
    """One packet per early-warning satellite: its footprint, moving with it."""
    layers = {int(r["layer_id"]): r for r in run.rows("layers") if r["role"] == ROLE}
    if not layers:
        return []
    sensors = parse_toml_text(catalog_text("infrared_sensors.toml"))["sensor"]
    range_m = 1e3 * float(next(s for s in sensors if s["name"] == ROLE)["boost_reference_range_km"])
    sats = run.columns("satellites")
    pos = run.columns("satellite_positions")
    packets: list[Packet] = []
    for i in np.argsort(sats["satellite_id"]):
        layer = layers.get(int(sats["layer_id"][i]))
        if layer is None:
            continue
        sid = int(sats["satellite_id"][i])
        rows = np.flatnonzero(pos["satellite_id"] == sid)
        rows = rows[np.argsort(pos["t_s"][rows])]
        t_s = np.round(pos["t_s"][rows], 3)
        r = np.stack([pos[c][rows] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")], -1)
        distance_m = np.linalg.norm(r, axis=-1)
        below = np.round(r / distance_m[:, None] * EARTH_RADIUS_M, 1)
        radius_m = np.round(footprint_angle_rad(distance_m, range_m) * EARTH_RADIUS_M, 1)
        radius = {
            "epoch": clock.epoch_iso,
            "number": np.column_stack([t_s, radius_m]).ravel().tolist(),
        }
        low, high = float(radius_m.min()) / 1e3, float(radius_m.max()) / 1e3
        packets.append(
            {
                "id": f"footprint-{sid}",
                "name": f"{layer['name']} satellite {sid}: Earth footprint",
                "availability": clock.interval(float(t_s[0]), float(t_s[-1])),
                "description": _story(
                    [
                        ("layer", f"{layer['name']} ({layer['kind']}, early warning)"),
                        (
                            "footprint",
                            f"{low:,.0f}-{high:,.0f} km from the point below it, over the "
                            "ground: the Earth's limb (0 deg elevation), or the catalog's "
                            f"{range_m / 1e3:,.0f} km boost-detection range where nearer",
                        ),
                        ("assumes", "a boosting missile near the ground; clouds not modelled"),
                    ]
                ),
                "position": {
                    "epoch": clock.epoch_iso,
                    "referenceFrame": "FIXED",
                    "interpolationAlgorithm": "LAGRANGE",
                    "interpolationDegree": 3,
                    "cartesian": np.column_stack([t_s, below]).ravel().tolist(),
                },
                "ellipse": {
                    "semiMajorAxis": radius,
                    "semiMinorAxis": radius,
                    "height": 0.0,
                    "fill": False,
                    "outline": True,
                    "outlineColor": {"rgba": [255, 255, 255, 160]},
                },
            }
        )
    return packets

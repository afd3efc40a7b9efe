"""The optional ``coverage`` CZML layer: each ground or sea radar's detection coverage as a
filled fan on the ground, drawn from the run folder and the radar catalog.

A radar of type T detects a target of cross section ``rcs`` with the type's reference
probability of detection (and false-alarm probability) out to the slant range

    R = R_ref (rcs / rcs_ref) ** (1/4)

(the radar equation with SNR held at its reference value, as ``data/radars.toml`` defines a
type; M. Skolnik, *Introduction to Radar Systems*, 3rd ed., 2001, ch. 2). The fan is where a
target at ``altitude_m`` is inside that range and above the radar's lowest elevation (the
site's mask, or the bottom of the faces' field of view if higher), over the azimuths its
faces see (each face ``fov_half_azimuth_deg`` either side of its boresight, faces
``face_spacing_deg`` apart clockwise). The Earth is taken as a sphere of the mean radius for
this picture; the upper edge of the faces' field of view (a cone near the zenith) is not
drawn.

What the run folder stores about a radar is its site (position, elevation mask, type); where
its faces point comes from the scenario text kept in the manifest, and the type's reference
range, cross sections and field of view from ``data/radars.toml`` as installed (the run does
not store the catalog: a catalog changed since the run changes this picture, and the
description says so). Nothing reruns physics.
"""

import math
from dataclasses import dataclass
from typing import Any

from goldendome.data.loader import catalog_text
from goldendome.data.toml_text import TomlTextError, parse_toml_text
from goldendome.results.reader import RunReader
from goldendome.web.czml_layers import Packet, _story
from goldendome.web.czml_time import ScenarioClock

#: Mean Earth radius (IUGG), meters: the sphere the fans are drawn on.
EARTH_RADIUS_M = 6_371_008.8
#: The reference target: an RV, with the catalog's cross section in the radar's band.
REFERENCE_KIND = "rv"
#: Default altitude of the reference target, meters (midcourse RVs fly hundreds of km up).
DEFAULT_ALTITUDE_M = 500_000.0
#: Largest azimuth step along a fan's edge, degrees.
ARC_STEP_DEG = 2.0
#: Fill and outline of a fan, RGBA 0-255.
FILL = [80, 160, 255, 50]
OUTLINE = [120, 200, 255, 200]


class CoverageError(ValueError):
    """A radar the coverage layer cannot draw (the message says which and why)."""


@dataclass(frozen=True)
class RadarCoverage:
    """One radar's drawn coverage.

    Attributes
    ----------
    site_id : int
        Its site.
    name, radar_type : str
        The site's name and the radar's type.
    latitude_deg, longitude_deg : float
        The site, degrees.
    rcs_m2 : float
        The reference target's cross section in the radar's band, square meters.
    detection_range_m : float
        Slant range at which that target is detected with the type's reference Pd, meters.
    altitude_m : float
        The target's altitude the fan is drawn for, meters.
    ground_radius_m : float
        Great-circle distance (on the mean sphere) from the site to the fan's edge, meters.
    lowest_elevation_deg : float
        The lowest elevation the radar sees (mask or field of view), degrees.
    limited_by : str
        ``"range"`` or ``"elevation"``: what sets the edge.
    azimuths_deg : list of (float, float)
        The covered azimuth intervals, clockwise from north, ``(start, end)`` with
        ``end - start`` in (0, 360]; one ``(0, 360)`` interval when all round.
    band : str
        The radar's band.
    reference_pd : float
        The detection probability at the edge (single look).
    """

    site_id: int
    name: str
    radar_type: str
    latitude_deg: float
    longitude_deg: float
    rcs_m2: float
    detection_range_m: float
    altitude_m: float
    ground_radius_m: float
    lowest_elevation_deg: float
    limited_by: str
    azimuths_deg: list[tuple[float, float]]
    band: str
    reference_pd: float


def edge_angle_rad(
    detection_range_m: float, site_altitude_m: float, altitude_m: float, elevation_deg: float
) -> tuple[float, str]:
    """The Earth-central angle from a radar to the edge of its coverage of targets at
    ``altitude_m``: the smaller of the angle at which the slant range reaches
    ``detection_range_m`` and the one at which the target sinks to ``elevation_deg``
    (a spherical Earth), with which of the two it is (``"range"`` or ``"elevation"``).
    Zero when the target's altitude is out of range straight overhead."""
    r_site = EARTH_RADIUS_M + site_altitude_m
    r_target = EARTH_RADIUS_M + altitude_m
    if detection_range_m <= abs(r_target - r_site):
        return 0.0, "range"
    cos_range = (r_site**2 + r_target**2 - detection_range_m**2) / (2.0 * r_site * r_target)
    by_range = math.acos(max(-1.0, min(1.0, cos_range)))
    e = math.radians(elevation_deg)
    by_elevation = math.acos(max(-1.0, min(1.0, r_site * math.cos(e) / r_target))) - e
    if by_elevation < by_range:
        return max(by_elevation, 0.0), "elevation"
    return by_range, "range"


def covered_azimuths(
    boresight_deg: float, faces: int, half_width_deg: float, spacing_deg: float
) -> list[tuple[float, float]]:
    """The azimuth intervals (degrees clockwise from north) the faces see, merged; one
    ``(0, 360)`` when they see all round."""
    arcs = sorted(
        ((boresight_deg + k * spacing_deg - half_width_deg) % 360.0, 2.0 * half_width_deg)
        for k in range(faces)
    )
    merged: list[list[float]] = []
    for start, width in arcs:
        if merged and start <= merged[-1][1] + 1e-9:
            merged[-1][1] = max(merged[-1][1], start + width)
        else:
            merged.append([start, start + width])
    if len(merged) > 1 and merged[-1][1] - 360.0 >= merged[0][0] - 1e-9:  # wraps past north
        last = merged.pop()
        merged[0] = [last[0], max(last[1], merged[0][1] + 360.0)]
    if any(end - start >= 360.0 - 1e-9 for start, end in merged):
        return [(0.0, 360.0)]
    return [(start, end) for start, end in merged]


def destination_deg(
    latitude_deg: float, longitude_deg: float, azimuth_deg: float, angle_rad: float
) -> tuple[float, float]:
    """The point ``angle_rad`` of arc from a point along an azimuth (sphere), degrees."""
    lat, lon, az = map(math.radians, (latitude_deg, longitude_deg, azimuth_deg))
    lat2 = math.asin(
        math.sin(lat) * math.cos(angle_rad) + math.cos(lat) * math.sin(angle_rad) * math.cos(az)
    )
    lon2 = lon + math.atan2(
        math.sin(az) * math.sin(angle_rad) * math.cos(lat),
        math.cos(angle_rad) - math.sin(lat) * math.sin(lat2),
    )
    return math.degrees(lat2), (math.degrees(lon2) + 540.0) % 360.0 - 180.0


def _scenario_radars(run: RunReader) -> dict[str, dict[str, Any]]:
    """Site name -> its ``radar`` table in the scenario text the manifest keeps."""
    try:
        scenario = parse_toml_text(str(run.manifest.get("scenario_text") or ""))
    except TomlTextError:
        return {}
    sites = scenario.get("sites")
    if not isinstance(sites, list):
        return {}
    return {
        str(s.get("name")): s["radar"]
        for s in sites
        if isinstance(s, dict) and isinstance(s.get("radar"), dict)
    }


def radar_coverages(run: RunReader, altitude_m: float = DEFAULT_ALTITUDE_M) -> list[RadarCoverage]:
    """The coverage of every radar site of a run against the reference target.

    Raises
    ------
    CoverageError
        If a site's radar type is not in the installed catalog.
    """
    catalog = parse_toml_text(catalog_text("radars.toml"))
    types = {str(r["name"]): r for r in catalog["radar"]}
    rcs_by_band = catalog["rcs_m2"]
    pointing = _scenario_radars(run)
    out: list[RadarCoverage] = []
    for site in run.rows("sites"):
        kind = str(site["radar_type"] or "")
        if not kind:
            continue
        if kind not in types:
            raise CoverageError(
                f"site {site['name']!r}: radar type {kind!r} is not in the installed "
                f"data/radars.toml (types: {', '.join(types)}); its coverage cannot be drawn."
            )
        spec = types[kind]
        rcs = float(rcs_by_band[spec["band"]][REFERENCE_KIND])
        detection_m = (
            float(spec["reference_range_km"])
            * 1e3
            * (rcs / float(spec["reference_rcs_m2"])) ** 0.25
        )
        placed = pointing.get(str(site["name"]), {})
        tilt = float(placed.get("boresight_elevation_deg", spec["boresight_elevation_deg"]))
        lowest = max(float(site["min_elevation_deg"]), tilt - float(spec["fov_half_elevation_deg"]))
        angle, limit = edge_angle_rad(detection_m, float(site["altitude_m"]), altitude_m, lowest)
        azimuths = (
            covered_azimuths(
                float(placed["boresight_azimuth_deg"]),
                int(placed.get("faces", 1)),
                float(spec["fov_half_azimuth_deg"]),
                float(spec["face_spacing_deg"]),
            )
            if "boresight_azimuth_deg" in placed
            else [(0.0, 360.0)]
        )
        out.append(
            RadarCoverage(
                int(site["site_id"]),
                str(site["name"]),
                kind,
                float(site["latitude_deg"]),
                float(site["longitude_deg"]),
                rcs,
                detection_m,
                altitude_m,
                angle * EARTH_RADIUS_M,
                lowest,
                limit,
                azimuths,
                str(spec["band"]),
                float(spec["reference_pd"]),
            )
        )
    return out


def fan_degrees(cov: RadarCoverage) -> list[float]:
    """The fan's outline as ``[lon, lat, 0, ...]`` degrees: the edge arc of each covered
    azimuth interval, closed through the site unless the radar sees all round."""
    angle = cov.ground_radius_m / EARTH_RADIUS_M
    ring: list[tuple[float, float]] = []
    for start, end in cov.azimuths_deg:
        whole = end - start >= 360.0
        if not whole:
            ring.append((cov.latitude_deg, cov.longitude_deg))
        steps = max(2, math.ceil((end - start) / ARC_STEP_DEG))
        for k in range(steps if whole else steps + 1):
            ring.append(
                destination_deg(
                    cov.latitude_deg, cov.longitude_deg, start + (end - start) * k / steps, angle
                )
            )
    return [v for lat, lon in ring for v in (round(lon, 6), round(lat, 6), 0.0)]


def _faces_text(cov: RadarCoverage) -> str:
    if cov.azimuths_deg == [(0.0, 360.0)]:
        return "all round"
    return ", ".join(f"{a % 360:.0f} to {b % 360:.0f} deg" for a, b in cov.azimuths_deg)


def coverage_packets(
    run: RunReader, clock: ScenarioClock, altitude_m: float = DEFAULT_ALTITUDE_M
) -> list[Packet]:
    """One packet per radar: its coverage fan on the ground, labelled with its name, its
    detection range and what that range assumes."""
    whole = clock.interval(0.0, clock.duration_s)
    packets: list[Packet] = []
    for cov in radar_coverages(run, altitude_m):
        km = cov.detection_range_m / 1e3
        label = f"{cov.name}: {km:,.0f} km on a {cov.rcs_m2:g} m2 RV at {altitude_m / 1e3:,.0f} km"
        reaches = cov.ground_radius_m >= 1.0
        if not reaches:
            label += " (out of reach: none drawn)"
        packet: Packet = {
            "id": f"coverage-{cov.site_id}",
            "name": f"{cov.name} coverage ({cov.radar_type})",
            "availability": whole,
            "description": _story(
                [
                    ("radar", f"{cov.radar_type} ({cov.band.upper()} band)"),
                    (
                        "detection range",
                        f"{km:,.0f} km slant, against an RV of {cov.rcs_m2:g} m2 (the "
                        f"catalog's {cov.band.upper()}-band RV) at Pd {cov.reference_pd:g}, "
                        "single look",
                    ),
                    ("drawn for", f"targets at {altitude_m / 1e3:,.0f} km altitude"),
                    (
                        "edge",
                        f"{cov.ground_radius_m / 1e3:,.0f} km from the site over the "
                        f"ground, set by {cov.limited_by} (lowest elevation "
                        f"{cov.lowest_elevation_deg:.1f} deg)",
                    ),
                    ("faces see", _faces_text(cov)),
                    (
                        "source",
                        "the site from the run folder; pointing from its scenario; range "
                        "and field of view from data/radars.toml as installed",
                    ),
                ]
            ),
            "position": {
                "cartographicDegrees": [
                    round(cov.longitude_deg, 6),
                    round(cov.latitude_deg, 6),
                    0.0,
                ]
            },
            "label": {
                "text": label,
                "font": "11px sans-serif",
                "fillColor": {"rgba": OUTLINE},
                "pixelOffset": {"cartesian2": [0, 14]},
            },
        }
        if reaches:
            packet["polygon"] = {
                "positions": {"cartographicDegrees": fan_degrees(cov)},
                "material": {"solidColor": {"color": {"rgba": FILL}}},
                "outline": True,
                "outlineColor": {"rgba": OUTLINE},
                "height": 0.0,
            }
        packets.append(packet)
    return packets

"""Rules of a raid entry's origin and trajectory shape, written once as functions of the values
they compare: the entry's model validator calls them on a spec built in Python, and
:mod:`goldendome.scenario.raid_consistency` on the parsed file.

* **Origin**: an entry flies from a catalog launch area (``from``) or from a point at sea
  (``sea_launch_point``, a submarine in its patrol area), exactly one of the two.
* **Shape**: ``apogee_km`` and ``burnout_fpa_deg`` belong to ``shape = "depressed"``, which
  needs exactly one of them; a depressed arc flies below the minimum-energy arc of its range,
  so its apogee must lie below the two-body minimum-energy apogee and its burnout angle below
  the minimum-energy angle ``(180 deg - range / R) / 4`` (Bate, Mueller & White 1971, ch. 6).
* **Fractional orbit**: ``shape = "fobs"`` needs a class that can orbit (``fobs_`` keys in
  the catalog) and takes ``approach`` (``"south"``, the default, or ``"north"``): the
  direction it comes at its target from. The orbit's plane holds the launch point and the
  target, so the approach picks one of the two ways round that great circle; where the
  circle crosses the target within :data:`APPROACH_MARGIN_DEG` of due east or west, it comes
  from neither side and the approach is impossible.
* **Route**: a cruise missile flies low along great circles from its launch point through its
  waypoints to its target; a route it cannot fly is refused: two consecutive points within
  :data:`MIN_LEG_M` of each other (no heading; a leg between antipodes has no one great
  circle either, and is longer than any cruise missile flies), or a route longer than the
  class's range (the missile would come down short: a route "through the Earth" in the
  sense that it cannot be flown above it).
* **Platform**: a launch area's platform (``bomber`` for release areas, else ``ground`` on
  land, ``submarine`` at sea) or a sea point's ``launch_platform`` must be one the class is
  launched from: a cruise class's ``launch_platforms``; ground or submarine for the others.
"""

import math
from collections.abc import Sequence

from goldendome.physics.constants import R_EARTH_MEAN_M

#: The keys that only a depressed shape takes.
DEPRESSED_KEYS = ("apogee_km", "burnout_fpa_deg")
#: A fractional orbit's approach is impossible when its great circle crosses the target
#: within this angle of due east or west, degrees (goldendome assumption).
APPROACH_MARGIN_DEG = 10.0
#: Consecutive points of a cruise route closer than this have no leg between them, meters.
MIN_LEG_M = 1_000.0
#: Platforms a sea point may name (``launch_platform``).
SEA_PLATFORMS = ("submarine", "ship", "bomber")


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance along the mean sphere between two points given in radians, meters (as
    :func:`goldendome.physics.geodesy.great_circle_distance_m` computes it, without NumPy and
    pyproj for one pair of points)."""
    dlon = lon2 - lon1
    num = math.hypot(
        math.cos(lat2) * math.sin(dlon),
        math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon),
    )
    den = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(dlon)
    return R_EARTH_MEAN_M * math.atan2(num, den)


def origin_rule(has_area: bool, has_point: bool) -> str | None:
    """The rule an entry breaks when it names no origin or two."""
    if has_area and has_point:
        return (
            "give from (a launch area of data/launch_areas.toml) or sea_launch_point (a "
            "point at sea), not both"
        )
    if not has_area and not has_point:
        return (
            "a raid entry needs from, a launch area of data/launch_areas.toml, or "
            "sea_launch_point = { latitude_deg = ..., longitude_deg = ... }, a point at sea"
        )
    return None


def shape_rule(
    shape: str, has_apogee: bool, has_fpa: bool, has_approach: bool = False
) -> tuple[str, str] | None:
    """``(key, rule)`` when the shape and its keys do not go together, else None."""
    if has_approach and shape != "fobs":
        return "approach", (
            f"approach is the side a fractional orbit comes at its target from: it applies to "
            f'shape = "fobs" only (this entry is "{shape}"); set shape = "fobs" or remove approach'
        )
    if shape != "depressed":
        for key, given in zip(DEPRESSED_KEYS, (has_apogee, has_fpa), strict=True):
            if given:
                return key, (
                    f'{key} shapes a depressed arc: it applies to shape = "depressed" only '
                    f'(this entry is "{shape}"); set shape = "depressed" or remove {key}'
                )
        return None
    if has_apogee and has_fpa:
        return "apogee_km", (
            'shape = "depressed" takes apogee_km or burnout_fpa_deg, not both; remove one'
        )
    if not has_apogee and not has_fpa:
        return "shape", (
            'shape = "depressed" needs apogee_km (the apogee altitude to fly through) or '
            "burnout_fpa_deg (the burnout flight-path angle)"
        )
    return None


def _two_body_minimum_energy(range_m: float) -> tuple[float, float]:
    """Minimum-energy burnout angle (radians) and apogee altitude (m) of a two-body arc from
    the surface of the mean sphere (as :func:`goldendome.physics.ballistic_arcs.minimum_energy_arc`,
    without NumPy for one value)."""
    lam = range_m / R_EARTH_MEAN_M
    gamma = (math.pi - lam) / 4.0
    half = lam / 2.0
    # Eccentricity of the symmetric arc through the burnout angle (see
    # goldendome.threats.depressed.fpa_for_apogee_rad): tan(gamma) = e sin L / (1 - e cos L).
    e = math.tan(gamma) / (math.sin(half) + math.cos(half) * math.tan(gamma))
    apogee_r = R_EARTH_MEAN_M * (1.0 - e * math.cos(half)) / (1.0 - e)
    return gamma, apogee_r - R_EARTH_MEAN_M


def depressed_rule(
    range_m: float, apogee_m: float | None, burnout_fpa_rad: float | None
) -> tuple[str, str] | None:
    """``(key, rule)`` when a depressed entry asks for an arc at or above the minimum-energy
    arc of its ground range ``range_m``, else None."""
    gamma_me, apogee_me = _two_body_minimum_energy(range_m)
    if apogee_m is not None and apogee_m >= apogee_me:
        return "apogee_km", (
            f"a depressed arc flies below the minimum-energy arc: over this entry's "
            f"{range_m / 1e3:,.0f} km range the minimum-energy apogee is about "
            f"{apogee_me / 1e3:,.0f} km (two-body, from the surface); ask for a lower apogee, "
            f'or use shape = "minimum_energy" or "lofted"'
        )
    if burnout_fpa_rad is not None and burnout_fpa_rad >= gamma_me:
        return "burnout_fpa_deg", (
            f"a depressed arc burns out flatter than the minimum-energy arc: over this "
            f"entry's {range_m / 1e3:,.0f} km range the minimum-energy angle (180 deg - "
            f"range / R) / 4 is {math.degrees(gamma_me):.1f} deg; ask for a smaller angle, "
            f'or use shape = "minimum_energy"'
        )
    return None


def fobs_class_rule(class_name: str, orbits: bool) -> str | None:
    """The rule a ``shape = "fobs"`` entry breaks when its class cannot orbit."""
    if orbits:
        return None
    return (
        f"{class_name} cannot fly a fractional orbit (its catalog entry gives no "
        f"fobs_orbit_altitude_km and fobs_deorbit_delta_v_m_s); use a class that can, such as "
        f"fobs-class, or another shape"
    )


def arrival_heading_rad(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Heading (clockwise from north, radians) with which the great circle from point 1
    arrives at point 2 on the short way, on the mean sphere."""
    dlon = lon1 - lon2
    back = math.atan2(
        math.sin(dlon) * math.cos(lat1),
        math.cos(lat2) * math.sin(lat1) - math.sin(lat2) * math.cos(lat1) * math.cos(dlon),
    )
    return (back + math.pi) % (2.0 * math.pi)


def approach_rule(approach: str, lat1: float, lon1: float, lat2: float, lon2: float) -> str | None:
    """The rule a fractional orbit's ``approach`` breaks when its great circle from the launch
    point crosses the target too close to due east or west to come from that side (radians
    in, on the mean sphere; the Earth's turn under the orbit moves it a few degrees)."""
    heading = arrival_heading_rad(lat1, lon1, lat2, lon2)
    north = math.cos(heading)  # + arriving northbound on the short way
    if abs(north) >= math.sin(math.radians(APPROACH_MARGIN_DEG)):
        return None
    deg = math.degrees(heading)
    return (
        f"the orbit through this launch point and target crosses the target heading "
        f"{deg:.0f} deg (clockwise from north) one way round and {(deg + 180.0) % 360.0:.0f} deg "
        f"the other, within {APPROACH_MARGIN_DEG:.0f} deg of due east or west: it comes neither "
        f'from the south nor from the north, so approach = "{approach}" cannot be flown; '
        f"choose another launch area or target"
    )


def fobs_short_way(approach: str, lat1: float, lon1: float, lat2: float, lon2: float) -> bool:
    """Whether a fractional orbit with this ``approach`` flies the short way round its great
    circle (else the long way, more than half-way round the Earth)."""
    northbound = math.cos(arrival_heading_rad(lat1, lon1, lat2, lon2)) > 0.0
    return northbound == (approach == "south")


def route_rule(
    class_name: str, max_range_km: float, lats: Sequence[float], lons: Sequence[float]
) -> str | None:
    """The rule a cruise route (launch point, waypoints, target; radians) breaks when it
    cannot be flown: a leg shorter than :data:`MIN_LEG_M`, or a length beyond the range."""
    legs = [
        great_circle_m(lats[i], lons[i], lats[i + 1], lons[i + 1]) for i in range(len(lats) - 1)
    ]
    for i, leg in enumerate(legs):
        if leg < MIN_LEG_M:
            what = "the launch point" if i == 0 else f"waypoint {i}"
            nxt = "the target" if i == len(legs) - 1 else f"waypoint {i + 1}"
            return (
                f"{what} and {nxt} lie {leg:,.0f} m apart: a leg needs two distinct points "
                f"(at least {MIN_LEG_M / 1e3:,.0f} km apart) to have a heading; remove or move "
                f"the waypoint"
            )
    total_km = sum(legs) / 1e3
    if total_km <= max_range_km:
        return None
    return (
        f"the route from launch through its {len(lats) - 2} waypoint(s) to the target is "
        f"{total_km:,.0f} km along great circles, beyond the {max_range_km:,.0f} km range of "
        f"{class_name} (max_range_km in threat_classes.toml): it would come down "
        f"{total_km - max_range_km:,.0f} km short; shorten the route or launch nearer"
    )


def origin_platform(
    area_platform: str | None, given: str | None, class_platforms: Sequence[str] | None
) -> str:
    """The platform an entry launches from: its launch area's (``area_platform``), or for a
    sea point the ``launch_platform`` it gives, else the class's first sea platform (a cruise
    class), else a submarine."""
    if area_platform is not None:
        return area_platform
    if given is not None:
        return given
    for platform in class_platforms or []:
        if platform in SEA_PLATFORMS:
            return platform
    return "submarine"


def platform_rule(
    class_name: str, kind: str, class_platforms: Sequence[str] | None, platform: str, where: str
) -> str | None:
    """The rule an entry breaks when its class is not launched from its origin's platform
    (``kind`` is the class's catalog type; ``where`` names the origin)."""
    if class_platforms is not None:
        if platform in class_platforms:
            return None
        return (
            f"{class_name} is launched from {' or '.join(class_platforms)} "
            f"(launch_platforms in threat_classes.toml); {where} is a {platform} launch: "
            f"choose a launch area or launch_platform it is launched from"
        )
    if platform in ("ground", "submarine"):
        return None
    return (
        f"{where} is a {platform} launch, which carries cruise missiles only; {class_name} is "
        f"a {kind} class launched from the ground or a submarine: choose a launch area on land "
        f"or at sea"
    )


__all__ = [
    "APPROACH_MARGIN_DEG",
    "DEPRESSED_KEYS",
    "SEA_PLATFORMS",
    "approach_rule",
    "arrival_heading_rad",
    "depressed_rule",
    "fobs_class_rule",
    "fobs_short_way",
    "great_circle_m",
    "origin_platform",
    "origin_rule",
    "platform_rule",
    "route_rule",
    "shape_rule",
]

"""Rules of a raid entry's origin and trajectory shape, written once as functions of the values
they compare: the entry's model validator calls them on a spec built in Python, and
:mod:`goldendome.scenario.raid_consistency` on the parsed file.

* **Origin**: an entry flies from a catalog launch area (``from``) or from a point at sea
  (``sea_launch_point``, a submarine in its patrol area), exactly one of the two.
* **Shape**: ``apogee_km`` and ``burnout_fpa_deg`` belong to ``shape = "depressed"``, which
  needs exactly one of them; a depressed arc flies below the minimum-energy arc of its range,
  so its apogee must lie below the two-body minimum-energy apogee and its burnout angle below
  the minimum-energy angle ``(180 deg - range / R) / 4`` (Bate, Mueller & White 1971, ch. 6).
"""

import math

from goldendome.physics.constants import R_EARTH_MEAN_M

#: The keys that only a depressed shape takes.
DEPRESSED_KEYS = ("apogee_km", "burnout_fpa_deg")


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


def shape_rule(shape: str, has_apogee: bool, has_fpa: bool) -> tuple[str, str] | None:
    """``(key, rule)`` when the shape and its keys do not go together, else None."""
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


__all__ = [
    "DEPRESSED_KEYS",
    "depressed_rule",
    "great_circle_m",
    "origin_rule",
    "shape_rule",
]

"""How many satellites of a layer see each ground point at each time, in bounded memory.

A satellite sees a ground point when its elevation above the point's local horizontal
(the plane normal to the WGS-84 ellipsoid normal) is at least the mask angle: the same test
as a site's mask in :mod:`goldendome.physics.elevation_counts`, and for a point on the ground the
same as the point being inside the satellite's Earth-limb-limited view (at a 0 deg mask).

The full cube ``(n_point, n_time, n_satellite)`` is never formed. Satellites are propagated
in chunks (time-major rows of positions). The points are cut into 10 deg tiles, and for each
tile a cheap cone test keeps only the rows that can see any of its points: the Earth central
angle between the satellite and the tile's center must not exceed the satellite's coverage
half-angle on a sphere of the WGS-84 polar radius (larger than on the real ellipsoid) plus
the tile's angular radius plus a 1 deg margin (the ellipsoid normal departs from the radial
direction by at most 0.19 deg). The exact elevation test runs on the rows kept, in blocks,
and sums into counts per (point, time).
"""

import math
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.base import OrbitalElements
from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.constants import WGS84_A_M, WGS84_B_M
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.topocentric import enu_axes_ecef

#: Satellites whose apogee is higher than this are "high" (beyond LEO), meters.
HIGH_ORBIT_APOGEE_ALTITUDE_M = 2_000_000.0
#: Default masks: 0 deg (the horizon) for high orbits, 10 deg for low ones.
HIGH_ORBIT_MIN_ELEVATION_DEG = 0.0
LOW_ORBIT_MIN_ELEVATION_DEG = 10.0
#: Rows of satellite positions propagated at once, and elements of the (row, point) blocks.
ROWS_PER_CHUNK = 1_000_000
CELLS_PER_BLOCK = 4_000_000
_CONE_MARGIN_RAD = math.radians(1.0)
#: Points are cut into tiles this many degrees on a side for the cone test.
TILE_DEG = 10.0


def default_min_elevation_deg(elements: OrbitalElements) -> float:
    """Mask of a layer: 0 deg above 2,000 km apogee (GEO, HEO), else 10 deg (LEO)."""
    apogee_m = elements.semi_major_axis_m * (1.0 + elements.eccentricity) - WGS84_A_M
    high = len(elements) > 0 and float(apogee_m.max()) > HIGH_ORBIT_APOGEE_ALTITUDE_M
    return HIGH_ORBIT_MIN_ELEVATION_DEG if high else LOW_ORBIT_MIN_ELEVATION_DEG


def _take(elements: OrbitalElements, part: slice) -> OrbitalElements:
    return OrbitalElements(
        *(getattr(elements, name)[part] for name in OrbitalElements.__dataclass_fields__)
    )


class _Points:
    """Ground points at height 0 (columns ``columns`` of their set) for the visibility tests."""

    def __init__(self, lat_rad: FloatArray, lon_rad: FloatArray, columns: IntArray) -> None:
        self.columns = columns
        self.r = geodetic_to_ecef(lat_rad, lon_rad, np.zeros_like(lat_rad))
        self.up = enu_axes_ecef(lat_rad, lon_rad)[2]
        self.r_dot_up = np.sum(self.r * self.up, axis=-1)
        self.r_sq = np.sum(self.r * self.r, axis=-1)
        unit = self.r / np.linalg.norm(self.r, axis=-1, keepdims=True)
        mean = unit.mean(axis=0)
        self.center = mean / np.linalg.norm(mean)
        self.radius_rad = float(np.arccos(np.clip(unit @ self.center, -1.0, 1.0)).max())

    def visible(self, rows: FloatArray, sin_mask: float) -> BoolArray:
        """``(n_row, n_point)``: elevation of each row position at each point >= the mask."""
        up = rows @ self.up.T - self.r_dot_up
        if sin_mask == 0.0:
            return np.asarray(up >= 0.0, dtype=np.bool_)
        range_sq = np.sum(rows * rows, axis=-1)[:, None] - 2.0 * rows @ self.r.T + self.r_sq
        return np.asarray(up >= sin_mask * np.sqrt(np.maximum(range_sq, 0.0)), dtype=np.bool_)


def _tiles(lat_rad: FloatArray, lon_rad: FloatArray) -> list[_Points]:
    """The points cut into latitude/longitude tiles, so that each cone test is narrow."""
    lat, lon = np.asarray(lat_rad, np.float64), np.asarray(lon_rad, np.float64)
    key = np.floor(np.degrees(lat) / TILE_DEG) * 1_000.0 + np.floor(np.degrees(lon) / TILE_DEG)
    tiles = []
    for value in np.unique(key):
        columns = np.flatnonzero(key == value).astype(np.int64)
        tiles.append(_Points(lat[columns], lon[columns], columns))
    return tiles


def _half_angle_rad(radius_m: FloatArray, mask_rad: float) -> FloatArray:
    """Coverage half-angle of satellites at geocentric ``radius_m`` on the polar-radius
    sphere, plus the margin (SMAD 3rd ed., sec. 5.2: lambda = acos(R cos e / r) - e)."""
    cos_arg = np.clip(WGS84_B_M * math.cos(mask_rad) / radius_m, -1.0, 1.0)
    return np.asarray(np.arccos(cos_arg) - mask_rad + _CONE_MARGIN_RAD, dtype=np.float64)


def _cone_candidates(
    unit: FloatArray, half_angle_rad: FloatArray, points: _Points, among: IntArray
) -> IntArray:
    """The rows of ``among`` that may see a point of ``points`` (a superset, module notes)."""
    limit = np.minimum(half_angle_rad[among] + points.radius_rad, math.pi)
    return np.asarray(among[unit[among] @ points.center >= np.cos(limit)], dtype=np.int64)


def _accumulate(
    counts_tp: IntArray,
    rows: FloatArray,
    time_index: IntArray,
    candidates: IntArray,
    points: _Points,
    sin_mask: float,
) -> None:
    """Add the candidate rows' visibility to the points' columns of ``counts_tp (n_time, .)``.

    Candidate rows are in time order, so each time's rows are contiguous.
    """
    block = max(1, CELLS_PER_BLOCK // max(points.columns.shape[0], 1))
    for first in range(0, candidates.shape[0], block):
        take = candidates[first : first + block]
        visible = points.visible(rows[take], sin_mask)
        times, starts = np.unique(time_index[take], return_index=True)
        per_time = np.add.reduceat(visible, starts, axis=0, dtype=np.int64)
        counts_tp[np.ix_(times, points.columns)] += per_time


def count_in_view(
    elements: OrbitalElements,
    t_s: FloatArray,
    epoch_utc: datetime,
    point_sets: Sequence[tuple[FloatArray, FloatArray]],
    min_elevation_rad: float,
    progress: Callable[[int], None] | None = None,
) -> list[IntArray]:
    """Satellites of a layer above each point's elevation mask, per point and time.

    Parameters
    ----------
    elements : OrbitalElements
        The layer's ``n_satellite`` mean elements at the epoch (propagated analytically).
    t_s : (n_time,) float64, seconds since ``epoch_utc``
    epoch_utc : datetime
    point_sets : sequence of (lat_rad, lon_rad) pairs of (n_point,) float64, radians
        Groups of ground points (e.g. one per region), geodetic, at height 0.
    min_elevation_rad : float, radians
        Elevation mask in [0, pi/2).
    progress : callable, optional
        Called with the number of satellites done after each chunk.

    Returns
    -------
    list of (n_point, n_time) int64
        One count array per group of points.
    """
    if not 0.0 <= min_elevation_rad < 0.5 * math.pi:
        raise ValueError(
            f"min_elevation_rad must lie in [0, pi/2) radians, got {min_elevation_rad!r}; "
            "pass the mask in radians."
        )
    t = np.ascontiguousarray(np.asarray(t_s, dtype=np.float64))
    n_time = t.shape[0]
    sets = [
        (_Points(lat, lon, np.arange(np.asarray(lat).shape[0])), _tiles(lat, lon))
        for lat, lon in point_sets
    ]
    counts = [np.zeros((n_time, np.asarray(lat).shape[0]), np.int64) for lat, _ in point_sets]
    sin_mask = math.sin(min_elevation_rad)
    per_chunk = max(1, ROWS_PER_CHUNK // max(n_time, 1))
    for first in range(0, len(elements), per_chunk):
        part = _take(elements, slice(first, first + per_chunk))
        r_ecef = propagate_analytic(part, t, frame="ecef", epoch_utc=epoch_utc)
        rows = np.ascontiguousarray(r_ecef.transpose(1, 0, 2)).reshape(-1, 3)
        time_index = np.repeat(np.arange(n_time, dtype=np.int64), len(part))
        radius_m = np.linalg.norm(rows, axis=-1)
        unit = rows / radius_m[:, None]
        half_angle = _half_angle_rad(radius_m, min_elevation_rad)
        every_row = np.arange(rows.shape[0], dtype=np.int64)
        for (whole, tiles), count in zip(sets, counts, strict=True):
            near = _cone_candidates(unit, half_angle, whole, every_row)
            for tile in tiles:
                candidates = _cone_candidates(unit, half_angle, tile, near)
                _accumulate(count, rows, time_index, candidates, tile, sin_mask)
        if progress is not None:
            progress(min(first + per_chunk, len(elements)))
    return [np.ascontiguousarray(c.T) for c in counts]

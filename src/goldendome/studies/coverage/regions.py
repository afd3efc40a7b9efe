"""Named grids of ground points for coverage figures of merit (``data/regions.toml``).

A region is a latitude/longitude box sampled at the centers of square cells (in degrees) on
the WGS-84 ellipsoid. Names match case-insensitively (``nk`` is ``NK``).
"""

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

import numpy as np
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.loader import load_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import FloatArray

REGIONS_FILE = "regions.toml"
_KEYS = ("south_deg", "north_deg", "west_deg", "east_deg", "spacing_deg")


class UnknownRegionError(ValueError):
    """A region name that ``data/regions.toml`` does not define."""


@dataclass(frozen=True)
class Region:
    """A named box of grid points.

    Attributes
    ----------
    name, label, source : str
        Short name (``NK``), description, and where the bounds come from.
    south_deg, north_deg, west_deg, east_deg, spacing_deg : float, degrees
        The box and its cell size.
    lat_rad, lon_rad : (n_point,) float64, radians
        Geodetic latitude and longitude of the cell centers.
    """

    name: str
    label: str
    source: str
    south_deg: float
    north_deg: float
    west_deg: float
    east_deg: float
    spacing_deg: float
    lat_rad: FloatArray
    lon_rad: FloatArray

    @property
    def n_points(self) -> int:
        """Number of grid points."""
        return int(self.lat_rad.shape[0])

    def area_weights(self) -> FloatArray:
        """``(n_point,)`` float64 weights summing to 1, proportional to cos(latitude)."""
        w = np.cos(self.lat_rad)
        return np.asarray(w / w.sum(), dtype=np.float64)


def box_grid(
    south_deg: float, north_deg: float, west_deg: float, east_deg: float, spacing_deg: float
) -> tuple[FloatArray, FloatArray]:
    """Centers of the cells of a latitude/longitude box.

    Parameters
    ----------
    south_deg, north_deg, west_deg, east_deg : float, degrees
        Bounds, south < north and west < east (longitudes in [-180, 180]).
    spacing_deg : float, degrees
        Cell size; the last row or column is narrower when it does not divide the box.

    Returns
    -------
    lat_rad, lon_rad : (n_point,) float64, radians
        Row by row from the south-west corner.
    """
    if not (-90.0 <= south_deg < north_deg <= 90.0 and -180.0 <= west_deg < east_deg <= 180.0):
        raise ValueError(
            f"box {south_deg}..{north_deg} N, {west_deg}..{east_deg} E is not a box: give "
            "south < north in [-90, 90] and west < east in [-180, 180] degrees."
        )
    if not spacing_deg > 0.0:
        raise ValueError(f"spacing_deg must be a positive angle in degrees, got {spacing_deg}.")
    lat = _centers(south_deg, north_deg, spacing_deg)
    lon = _centers(west_deg, east_deg, spacing_deg)
    lat_grid, lon_grid = np.meshgrid(lat, lon, indexing="ij")
    return np.radians(lat_grid.ravel()), np.radians(lon_grid.ravel())


def _centers(low: float, high: float, spacing: float) -> FloatArray:
    n = max(1, math.ceil((high - low) / spacing - 1e-9))
    lower = low + spacing * np.arange(n)
    return np.asarray(0.5 * (lower + np.minimum(lower + spacing, high)), dtype=np.float64)


Latitude = Annotated[float, Bounded("a latitude lies in [-90, 90] deg", "deg", ge=-90, le=90)]
Longitude = Annotated[float, Bounded("a longitude lies in [-180, 360] deg", "deg", ge=-180, le=360)]


class RegionEntry(SpecModel):
    """One ``[[region]]`` of ``regions.toml``: a latitude-longitude box and its grid spacing."""

    name: Annotated[str, Field(min_length=1)]
    label: str
    source: Annotated[str, Field(min_length=1)]
    south_deg: Latitude
    north_deg: Latitude
    west_deg: Longitude
    east_deg: Longitude
    spacing_deg: Annotated[float, Bounded("the spacing lies in (0, 10] deg", "deg", gt=0, le=10)]

    @model_validator(mode="after")
    def _box(self) -> "RegionEntry":
        if self.north_deg <= self.south_deg:
            raise PydanticCustomError(
                "region_box",
                "north_deg = {north} is not north of south_deg = {south}",
                {"north": self.north_deg, "south": self.south_deg},
            )
        return self


class RegionCatalog(SpecModel):
    """``regions.toml``: the named regions."""

    region: Annotated[list[RegionEntry], Field(min_length=1)]


def _region(entry: RegionEntry) -> Region:
    bounds = {k: float(getattr(entry, k)) for k in _KEYS}
    lat, lon = box_grid(**bounds)
    return Region(
        name=entry.name, label=entry.label, source=entry.source, lat_rad=lat, lon_rad=lon, **bounds
    )


def load_regions() -> dict[str, Region]:
    """Every region of ``data/regions.toml``, by name, in file order (validated by the one
    catalog loader: a broken file is refused with every problem's path, value and rule)."""
    regions = [_region(entry) for entry in load_catalog(REGIONS_FILE, RegionCatalog).region]
    return {r.name: r for r in regions}


def select_regions(names: Sequence[str] | None = None) -> list[Region]:
    """The named regions (all when ``names`` is None), matched case-insensitively.

    Raises
    ------
    UnknownRegionError
        Naming every unknown name, the closest known one and the full list.
    """
    regions = load_regions()
    if names is None:
        return list(regions.values())
    by_key = {name.lower(): region for name, region in regions.items()}
    unknown = [n for n in names if n.strip().lower() not in by_key]
    if unknown:
        known = ", ".join(regions)
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name.lower(), list(by_key), n=1, cutoff=0.5)
            hint = f" (closest: {by_key[close[0]].name})" if close else ""
            hints.append(f"{name!r}{hint}")
        raise UnknownRegionError(
            f"Unknown region {', '.join(hints)}; known regions: {known} "
            f"(defined in goldendome/data/{REGIONS_FILE})."
        )
    chosen = [by_key[n.strip().lower()] for n in names]
    return list({r.name: r for r in chosen}.values())

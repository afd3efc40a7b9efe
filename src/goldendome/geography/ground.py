"""What lies under ``n`` ground points: land or sea, whose territory, and how many people.

One call for the questions a run asks of a landing point (issue 14: where a boost-phase
"kill" still puts a warhead): :mod:`goldendome.geography.borders` for land and country,
:mod:`goldendome.geography.allies` for the United States and its treaty allies, and
:mod:`goldendome.geography.population` for the people near it.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from goldendome.geography.allies import is_us_or_ally
from goldendome.geography.borders import territory
from goldendome.geography.population import POPULATION_RADIUS_M, population_near
from goldendome.physics._types import ArrayLike, BoolArray, FloatArray


@dataclass(frozen=True)
class Ground:
    """What lies under ``n`` points.

    Attributes
    ----------
    on_land : (n,) bool
    country, sovereign : (n,) str, ISO 3166-1 alpha-2; ``""`` at sea
        The map unit's own code and its sovereign's (Guam: ``GU`` and ``US``).
    us_or_ally : (n,) bool
        On the territory of the United States or a treaty ally (by the sovereign).
    population : (n,) float64, people
        Summed population of the GeoNames places within ``radius_m`` (at sea too: a point
        off a coast has the coast's people near it).
    largest_place_population : (n,) float64, people
        The largest single place within ``radius_m``.
    nearest_place : (n,) str
    nearest_place_distance_m : (n,) float64, meters
    radius_m : float
        The radius the population was counted in, meters.
    """

    on_land: BoolArray
    country: npt.NDArray[np.str_]
    sovereign: npt.NDArray[np.str_]
    us_or_ally: BoolArray
    population: FloatArray
    largest_place_population: FloatArray
    nearest_place: npt.NDArray[np.str_]
    nearest_place_distance_m: FloatArray
    radius_m: float

    @property
    def on_populated_land(self) -> BoolArray:
        """On land with at least one listed place (1,000 people or more) within the radius."""
        return self.on_land & (self.population > 0.0)


def ground_at(
    lat_rad: ArrayLike, lon_rad: ArrayLike, *, radius_m: float = POPULATION_RADIUS_M
) -> Ground:
    """Land, territory and people under points.

    Parameters
    ----------
    lat_rad, lon_rad : (n,) float64, radians
        Geodetic latitude and longitude; NaN (a payload that never landed) gives open sea
        with nobody near.
    radius_m : float
        Radius for the population, meters (default :data:`POPULATION_RADIUS_M`, 25 km).

    Returns
    -------
    Ground
    """
    where = territory(lat_rad, lon_rad)
    people = population_near(lat_rad, lon_rad, radius_m)
    return Ground(
        on_land=where.on_land,
        country=where.country,
        sovereign=where.sovereign,
        us_or_ally=is_us_or_ally(where.sovereign),
        population=people.total,
        largest_place_population=people.largest,
        nearest_place=people.nearest_place,
        nearest_place_distance_m=people.nearest_distance_m,
        radius_m=float(radius_m),
    )


__all__ = ["Ground", "ground_at"]

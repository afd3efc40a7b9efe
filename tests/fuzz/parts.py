"""Well-formed but random parts of a scenario: space layers of every kind, raid entries,
sites. Mutations that swap one in reach the rules a random value seldom does (a Walker
pattern, a listed satellite's perigee, a TLE's, a target out of range, a launch after the
end of the run, interceptors at a radar site), with numbers now plausible, now extreme."""

from typing import Any

from hypothesis import strategies as st

from goldendome.orbits.tle import tle_checksum
from goldendome.scenario.catalog import launch_areas, targets, threat_classes

ISS = (
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927",
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537",
)
ROLES = ["interceptor", "tracking", "early_warning", "radar"]
EXTREMES = [0, -1, 1e20, 10**30, float("nan"), float("inf"), -1e308, 5e-324]


def number(low: float, high: float, *, whole: bool = False) -> st.SearchStrategy[Any]:
    """Mostly a value in [low, high], sometimes an extreme one."""
    plausible: st.SearchStrategy[Any] = (
        st.integers(min_value=int(low), max_value=int(high))
        if whole
        else st.floats(min_value=low, max_value=high)
    )
    return st.one_of(plausible, plausible, plausible, st.sampled_from(EXTREMES))


@st.composite
def tle_text(draw: st.DrawFn) -> str:
    """The ISS element set with its mean motion redrawn (revolutions per day, checksum
    recomputed): some orbits dip below 100 km."""
    revs = draw(st.floats(min_value=0.9, max_value=17.5))
    body = ISS[1][:52] + f"{revs:11.8f}"[:11] + ISS[1][63:68]
    return f"{ISS[0]}\n{body}{tle_checksum(body + '0')}\n"


def _walker(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "kind": st.just(kind),
            "role": st.sampled_from(ROLES),
            "satellites": number(1, 2_000, whole=True),
            "planes": number(1, 60, whole=True),
            "altitude_km": number(50, 40_000),
            "inclination_deg": number(0, 180),
        },
        optional={"phasing": number(0, 10, whole=True)},
    )


_SATELLITE = st.fixed_dictionaries(
    {
        "inclination_deg": number(0, 180),
        "raan_deg": number(-360, 360),
        "mean_anomaly_deg": number(-360, 360),
    },
    optional={
        "altitude_km": number(50, 40_000),
        "semi_major_axis_km": number(6_000, 50_000),
        "eccentricity": number(0, 0.99),
        "arg_perigee_deg": number(-360, 360),
    },
)
LAYERS = st.one_of(
    _walker("walker_delta"),
    _walker("walker_star"),
    st.fixed_dictionaries(
        {
            "kind": st.just("elements"),
            "role": st.sampled_from(ROLES),
            "satellites": st.lists(_SATELLITE, max_size=4),
        }
    ),
    st.fixed_dictionaries(
        {"kind": st.just("tle"), "role": st.sampled_from(ROLES)},
        optional={
            "tle": tle_text(),
            "tle_file": st.sampled_from(["/dev/zero", "/tmp", "no-such.tle", ""]),
        },
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("geostationary"),
            "role": st.sampled_from(ROLES),
            "longitudes_deg": st.lists(number(-180, 360), max_size=4),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("molniya"),
            "role": st.sampled_from(ROLES),
            "apogee_longitudes_deg": st.lists(number(-180, 360), max_size=3),
        },
        optional={"perigee_altitude_km": number(100, 30_000)},
    ),
)
RAID_ENTRIES = st.fixed_dictionaries(
    {
        "class": st.sampled_from(sorted(threat_classes())),
        "from": st.sampled_from(sorted(launch_areas())),
        "to": st.sampled_from(sorted(targets())),
    },
    optional={
        "count": number(1, 40, whole=True),
        "launch_time_s": number(0, 5_000),
        "spacing_s": number(0, 300),
        "decoys": number(0, 10, whole=True),
    },
)
SITES = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Clear SFS (LRDR and UEWR)", "Fort Greely (GBI)", "New", ""]),
        "role": st.sampled_from(["radar", "interceptor", "command"]),
        "latitude_deg": number(-90, 90),
        "longitude_deg": number(-180, 360),
    },
    optional={
        "radar": st.fixed_dictionaries(
            {
                "type": st.sampled_from(["lrdr", "uewr", "sbx", "an-tpy-2-fbm", "nope"]),
                "boresight_azimuth_deg": number(0, 360),
            },
            optional={"faces": number(1, 4, whole=True)},
        ),
        "interceptors": st.lists(
            st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["gbi", "ngi", "thaad", "sm-6", "nope"]),
                    "count": number(0, 100, whole=True),
                }
            ),
            max_size=2,
        ),
    },
)


@st.composite
def swap_in_part(draw: st.DrawFn, document: dict[str, Any]) -> None:
    """Put a random part into ``document`` (a table of the default scenario's shape): a space
    layer (new or replacing one), a raid entry or a site."""
    where = draw(st.sampled_from(["space", "raid", "sites"]))
    if where == "space" and isinstance(document.get("space"), dict):
        name = draw(st.sampled_from([*document["space"], "extra_layer"]))
        document["space"][name] = draw(LAYERS)
    elif where == "raid" and isinstance(document.get("threats"), dict):
        raid = document["threats"].get("raid")
        if isinstance(raid, list):
            raid.append(draw(RAID_ENTRIES))
    elif where == "sites" and isinstance(document.get("sites"), list):
        document["sites"].append(draw(SITES))

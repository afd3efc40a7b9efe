"""Every table a run folder holds: its columns, their types and units, its keys and dimensions.

This module is the contract between the code that writes a run folder and everything that
reads one (the summary, reports, the viewer, DuckDB queries across runs). Stored columns use
one unit per kind of quantity: meters, seconds, meters per second, degrees for angles, US
dollars; the unit is also written into each Parquet field's metadata (``unit``). Ids are
global within a run and the same in every table:

- ``object_id``: missiles first (object ``j`` is missile ``j`` until it releases its payload),
  then every released reentry vehicle and decoy (the ``objects`` table lists them all);
- ``threat_id`` (a missile of the raid), ``track_id``, ``satellite_id`` (all layers, in
  scenario order), ``layer_id``, ``site_id``, ``sensor_id``, ``battery_id``, ``asset_id``.

A missing value is NaN in a float column and -1 in an id column.
"""

from dataclasses import dataclass

#: Version of the table layout; a reader refuses folders written with another one.
SCHEMA_VERSION = 1

#: Column types (Parquet physical types through pyarrow).
DTYPES = ("int64", "float64", "bool", "string")


@dataclass(frozen=True)
class Column:
    """One column: name, type, unit (``""`` for a count, id, flag or text) and meaning."""

    name: str
    dtype: str
    unit: str
    description: str


@dataclass(frozen=True)
class TableSchema:
    """One table of a run folder.

    Attributes
    ----------
    name : str
        File stem (``objects`` -> ``objects.parquet``; a parted table is a folder).
    description : str
    key : tuple of str
        Columns that identify a row.
    dims : tuple of str
        The dimensions a row runs over (``trial``, ``object``, ``time``...).
    columns : tuple of Column
    parted : bool
        Written in parts (``<name>/part-<first>-<last>.parquet``), read as one table.
    """

    name: str
    description: str
    key: tuple[str, ...]
    dims: tuple[str, ...]
    columns: tuple[Column, ...]
    parted: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name`` (KeyError if absent)."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"table '{self.name}' has no column '{name}'.")


def _c(name: str, dtype: str, unit: str, description: str) -> Column:
    return Column(name, dtype, unit, description)


def _id(name: str, description: str) -> Column:
    return Column(name, "int64", "", description)


def _lat_lon_alt(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}latitude_deg", "float64", "deg", f"geodetic latitude of {what}"),
        _c(f"{prefix}longitude_deg", "float64", "deg", f"longitude of {what}"),
        _c(f"{prefix}altitude_m", "float64", "m", f"height above the WGS-84 ellipsoid of {what}"),
    )


_TABLES = (
    TableSchema(
        "layers",
        "Space layers: what each is and how it was propagated over the window.",
        ("layer_id",),
        ("layer",),
        (
            _id("layer_id", "layer, in scenario order"),
            _c("name", "string", "", "the layer's name in the scenario"),
            _c("role", "string", "", "interceptor, tracking or early_warning"),
            _c("kind", "string", "", "constellation kind (walker_delta, molniya, ...)"),
            _c("propagator", "string", "", "how positions were computed"),
            _c("n_satellites", "int64", "", "satellites in the layer"),
            _c("first_satellite_id", "int64", "", "satellite_id of the layer's first satellite"),
            _c("period_s", "float64", "s", "mean orbital period"),
            _c("altitude_min_m", "float64", "m", "lowest geodetic altitude over the window"),
            _c("altitude_max_m", "float64", "m", "highest geodetic altitude over the window"),
            _c("latitude_max_deg", "float64", "deg", "highest |latitude| over the window"),
        ),
    ),
    TableSchema(
        "satellites",
        "Mean orbital elements of every satellite at the scenario epoch (ECI of date).",
        ("satellite_id",),
        ("satellite",),
        (
            _id("satellite_id", "satellite, global over the layers"),
            _id("layer_id", "its layer"),
            _c("index_in_layer", "int64", "", "position within the layer"),
            _c("semi_major_axis_m", "float64", "m", "semi-major axis"),
            _c("eccentricity", "float64", "", "eccentricity"),
            _c("inclination_deg", "float64", "deg", "inclination"),
            _c("raan_deg", "float64", "deg", "right ascension of the ascending node"),
            _c("arg_perigee_deg", "float64", "deg", "argument of perigee"),
            _c("mean_anomaly_deg", "float64", "deg", "mean anomaly"),
        ),
    ),
    TableSchema(
        "sites",
        "Ground and sea sites: sensors, interceptor batteries and their positions.",
        ("site_id",),
        ("site",),
        (
            _id("site_id", "site, in scenario order"),
            _c("name", "string", "", "the site's name"),
            _c("role", "string", "", "what the site is for"),
            *_lat_lon_alt("", "the site"),
            _c("min_elevation_deg", "float64", "deg", "elevation mask"),
            _c("radar_type", "string", "", "radar type at the site ('' if none)"),
        ),
    ),
    TableSchema(
        "site_coverage",
        "Satellites of each layer above each site's elevation mask over the window.",
        ("site_id", "layer_id"),
        ("site", "layer"),
        (
            _id("site_id", "the site"),
            _id("layer_id", "the layer"),
            _c("mean_in_view", "float64", "", "mean satellites in view"),
            _c("min_in_view", "int64", "", "fewest satellites in view"),
            _c("max_in_view", "int64", "", "most satellites in view"),
            _c("fraction_of_time_covered", "float64", "", "share of samples with one or more"),
        ),
    ),
    TableSchema(
        "defended_assets",
        "What the defense protects: position, area and worth.",
        ("asset_id",),
        ("asset",),
        (
            _id("asset_id", "defended asset, in scenario order"),
            _c("name", "string", "", "the asset's name"),
            _c("kind", "string", "", "city, military site, ..."),
            _c("latitude_deg", "float64", "deg", "center latitude"),
            _c("longitude_deg", "float64", "deg", "center longitude"),
            _c("radius_m", "float64", "m", "radius of the defended area"),
            _c("population", "int64", "", "people in the area"),
            _c("worth", "float64", "", "what a hit costs in the damage score"),
        ),
    ),
    TableSchema(
        "threats",
        "Missiles of the raid: what, from where, at what, and how each flew.",
        ("threat_id",),
        ("threat",),
        (
            _id("threat_id", "missile of the raid"),
            _c("threat_class", "string", "", "catalog class"),
            _c("launch_area", "string", "", "catalog launch area"),
            _c("target", "string", "", "catalog target"),
            _c("shape", "string", "", "trajectory shape asked for"),
            _c("launch_time_s", "float64", "s", "launch time on the scenario clock"),
            _c("reachable", "bool", "", "the class can reach the target"),
            _c("aim_miss_m", "float64", "m", "aim error of the nominal trajectory"),
            _c("max_range_m", "float64", "m", "the class's maximum range from here"),
            _c("burnout_time_s", "float64", "s", "burnout on the scenario clock"),
            _c("apogee_altitude_m", "float64", "m", "apogee height"),
            _c("impact_time_s", "float64", "s", "impact on the scenario clock"),
            _c("flight_time_s", "float64", "s", "launch to impact"),
            _c("range_m", "float64", "m", "ground range flown"),
            _c("impact_latitude_deg", "float64", "deg", "impact latitude"),
            _c("impact_longitude_deg", "float64", "deg", "impact longitude"),
        ),
    ),
    TableSchema(
        "threat_events",
        "Burnout, apogee, reentry (100 km) and impact of every missile.",
        ("threat_id", "event"),
        ("threat", "event"),
        (
            _id("threat_id", "the missile"),
            _c("event", "string", "", "burnout, apogee, reentry or impact"),
            _c("t_s", "float64", "s", "time on the scenario clock"),
            *_lat_lon_alt("", "the missile at the event"),
            _c("speed_m_s", "float64", "m/s", "speed relative to the rotating Earth"),
        ),
    ),
    TableSchema(
        "objects",
        "Every object of the raid: the missiles until release, then each released RV and decoy.",
        ("object_id",),
        ("object",),
        (
            _id("object_id", "object, global in the run"),
            _id("threat_id", "the missile it belongs to"),
            _c("kind", "string", "", "booster, rv or decoy"),
            _c("release_time_s", "float64", "s", "release from the bus (NaN for a booster)"),
            _c("reentry_time_s", "float64", "s", "descent through 100 km"),
            _c("impact_time_s", "float64", "s", "impact (a booster: its missile's)"),
            _c("impact_speed_m_s", "float64", "m/s", "speed at impact, Earth-relative"),
            _c("impact_latitude_deg", "float64", "deg", "impact latitude"),
            _c("impact_longitude_deg", "float64", "deg", "impact longitude"),
            _c("miss_from_target_m", "float64", "m", "impact distance from the aim point"),
            _id("asset_id", "defended asset whose area holds the impact, or -1"),
        ),
    ),
    TableSchema(
        "trajectories",
        "Sampled positions of every object on the scenario grid while it exists.",
        ("object_id", "t_s"),
        ("object", "time"),
        (
            _id("object_id", "the object"),
            _c("t_s", "float64", "s", "time on the scenario clock"),
            _c("x_ecef_m", "float64", "m", "Earth-fixed x"),
            _c("y_ecef_m", "float64", "m", "Earth-fixed y"),
            _c("z_ecef_m", "float64", "m", "Earth-fixed z"),
            _c("boosting", "bool", "", "powered flight"),
        ),
    ),
    TableSchema(
        "sbi_threats",
        "Each missile's boost-phase exposure to the space-based interceptor layer.",
        ("threat_id",),
        ("threat",),
        (
            _id("threat_id", "the missile"),
            _c("sbis_in_reach", "int64", "", "SBIs able to intercept it"),
            _c("window_start_s", "float64", "s", "intercept window opens, after launch"),
            _c("window_end_s", "float64", "s", "intercept window closes, after launch"),
            _c("first_intercept_s", "float64", "s", "earliest intercept, after launch"),
            _c("shots_assigned", "int64", "", "shots in the fairest salvo assignment"),
        ),
    ),
    TableSchema(
        "sbi_opportunities",
        "Every SBI able to intercept a missile in boost phase, with its fly-out.",
        ("threat_id", "satellite_id"),
        ("threat", "satellite"),
        (
            _id("threat_id", "the missile"),
            _id("satellite_id", "the SBI"),
            _c("launch_time_s", "float64", "s", "kill-vehicle release"),
            _c("intercept_time_s", "float64", "s", "earliest intercept"),
            _c("time_of_flight_s", "float64", "s", "release to intercept"),
            _c("flyout_distance_m", "float64", "m", "straight-line distance flown"),
            *_lat_lon_alt("launch_", "the SBI at release"),
            *_lat_lon_alt("intercept_", "the intercept point"),
        ),
    ),
    TableSchema(
        "sensors",
        "What each sensor contributed.",
        ("sensor_id",),
        ("sensor",),
        (
            _id("sensor_id", "sensor, in the run's order"),
            _c("name", "string", "", "the layer or site name"),
            _c("kind", "string", "", "sensor type"),
            _c("discrimination_class", "string", "", "class in the discrimination model"),
            _id("layer_id", "its space layer, or -1"),
            _id("site_id", "its site, or -1"),
            _c("detections", "int64", "", "measurements taken"),
            _c("objects_detected", "int64", "", "distinct objects measured"),
            _c("report_latency_s", "float64", "s", "observation to report"),
        ),
    ),
    TableSchema(
        "threat_timelines",
        "When each missile was detected, firmly tracked and given fire control.",
        ("threat_id",),
        ("threat",),
        (
            _id("threat_id", "the missile"),
            _c("first_detection_s", "float64", "s", "first observation, after launch"),
            _c("first_report_s", "float64", "s", "first report, after launch"),
            _id("first_detected_by", "sensor_id of the first detection, or -1"),
            _c("firm_track_s", "float64", "s", "first firm track, after launch"),
            _c("fire_control_s", "float64", "s", "first fire-control track, after launch"),
            _c("tracked_by", "string", "", "sensor_ids that updated firm tracks, in order"),
            _c("objects", "int64", "", "its objects (booster and released)"),
            _c("objects_with_firm_tracks", "int64", "", "of which firmly tracked"),
            _c("rv_fire_control_s", "float64", "s", "first RV fire-control track, after launch"),
            _c("impact_sigma_m", "float64", "m", "predicted-impact 1-sigma at that time"),
            _c("impact_error_m", "float64", "m", "predicted-impact miss at that time"),
        ),
    ),
    TableSchema(
        "tracks",
        "Every track the tracker made, and the object it is on (scored after the run).",
        ("track_id",),
        ("track",),
        (
            _id("track_id", "the track"),
            _id("object_id", "the object that made at least half its measurements, or -1"),
            _id("threat_id", "that object's missile, or -1"),
            _c("created_s", "float64", "s", "initiation"),
            _c("firm_track_s", "float64", "s", "confirmed (NaN: never)"),
            _c("fire_control_s", "float64", "s", "fire-control quality (NaN: never)"),
            _c("measurements", "int64", "", "measurements assigned to it"),
            _c("measurements_on_object", "int64", "", "of which made by its object"),
        ),
    ),
    TableSchema(
        "fire_control",
        "Each released object's first fire-control track and its impact prediction.",
        ("object_id",),
        ("object",),
        (
            _id("object_id", "the released object"),
            _c("fire_control_time_s", "float64", "s", "first fire-control track"),
            _c("impact_sigma_m", "float64", "m", "predicted-impact 1-sigma then"),
            _c("impact_error_m", "float64", "m", "predicted-impact miss then"),
        ),
    ),
    TableSchema(
        "discrimination",
        "Looks at each released object by sensor class, and whether its kind was told.",
        ("object_id",),
        ("object",),
        (
            _id("object_id", "the released object"),
            _id("threat_id", "its missile"),
            _c("kind", "string", "", "rv or decoy"),
            _c("looks_ir_tracking", "int64", "", "detections by tracking-layer infrared"),
            _c("looks_radar_x_band", "int64", "", "detections by X-band radars"),
            _c("looks_radar_low_band", "int64", "", "detections by low-band radars"),
            _c("told_probability", "float64", "", "chance its kind is told"),
            _c("told", "bool", "", "drawn: its kind was told"),
        ),
    ),
    TableSchema(
        "track_states",
        "Every track after each update: where it is and how well it is known.",
        ("track_id", "t_s"),
        ("track", "time"),
        (
            _id("track_id", "the track"),
            _c("t_s", "float64", "s", "update time"),
            _id("object_id", "the object that made most of its measurements, or -1"),
            _id("threat_id", "that object's missile, or -1"),
            _c("altitude_m", "float64", "m", "height above the mean Earth radius"),
            _c("position_sigma_m", "float64", "m", "largest 1-sigma position axis"),
            _c("velocity_sigma_m_s", "float64", "m/s", "largest 1-sigma velocity axis"),
        ),
    ),
    TableSchema(
        "interceptor_types",
        "Interceptor types that can fire in the run.",
        ("interceptor",),
        ("interceptor",),
        (
            _c("interceptor", "string", "", "type name"),
            _c("layer", "string", "", "boost, midcourse or terminal"),
            _c("unit_cost_usd", "float64", "USD", "cost of one round"),
            _c("sspk_rv", "float64", "", "single-shot kill probability against an RV"),
            _c("sspk_decoy", "float64", "", "single-shot kill probability against a decoy"),
        ),
    ),
    TableSchema(
        "batteries",
        "Interceptor batteries: one type at one site, with the rounds the doctrine may fire.",
        ("battery_id",),
        ("battery",),
        (
            _id("battery_id", "battery"),
            _id("site_id", "its site"),
            _c("interceptor", "string", "", "interceptor type"),
            _c("rounds", "int64", "", "rounds on hand, less the reserve"),
            *_lat_lon_alt("", "the launch site"),
        ),
    ),
    TableSchema(
        "trials",
        "What each Monte Carlo trial came to.",
        ("trial",),
        ("trial",),
        (
            _c("trial", "int64", "", "trial index"),
            _c("phase", "int64", "", "constellation phasing drawn"),
            _c("leakers", "int64", "", "warheads that reached a defended asset"),
            _c("rvs_through", "int64", "", "warheads that survived"),
            _c("damage", "float64", "", "worth of the assets hit"),
            _c("assets_hit", "int64", "", "defended assets hit"),
            _c("missiles_killed_in_boost", "int64", "", "missiles killed by SBIs"),
            _c("rvs_killed_boost", "int64", "", "warheads lost with their missiles"),
            _c("rvs_killed_midcourse", "int64", "", "warheads killed in midcourse"),
            _c("rvs_killed_terminal", "int64", "", "warheads killed in the terminal layer"),
            _c("decoys_engaged", "int64", "", "distinct decoys shot at"),
            _c("interceptors_fired", "int64", "", "rounds fired"),
            _c("cost_usd", "float64", "USD", "cost of the rounds fired"),
            _c("interceptors_saved_by_filter", "int64", "", "rounds the Iron Dome rule saved"),
            _c("leakers_if_engage_all", "int64", "", "leakers had everything been engaged"),
        ),
        parted=True,
    ),
    TableSchema(
        "engagements",
        "Every shot of every trial: shooter, target, fly-out, intercept point and outcome.",
        ("trial", "shot"),
        ("trial", "shot"),
        (
            _c("trial", "int64", "", "trial index"),
            _c("shot", "int64", "", "shot within the trial, in firing order"),
            _c("layer", "string", "", "boost, midcourse or terminal"),
            _c("look", "int64", "", "the layer's look (0 first)"),
            _c("interceptor", "string", "", "interceptor type"),
            _c("shooter", "string", "", "SBI number or site name"),
            _id("satellite_id", "the SBI that fired, or -1"),
            _id("battery_id", "the battery that fired, or -1"),
            _id("target_object_id", "the object shot at"),
            _c("target_kind", "string", "", "booster, rv or decoy"),
            _id("threat_id", "the target's missile"),
            _c("launch_time_s", "float64", "s", "interceptor launch"),
            *_lat_lon_alt("launch_", "the interceptor at launch"),
            _c("intercept_time_s", "float64", "s", "intercept"),
            *_lat_lon_alt("intercept_", "the intercept point"),
            _c("kill", "bool", "", "the shot killed its target"),
        ),
        parted=True,
    ),
)

#: Tables of the studies' run folders (coverage, sizing, single flights).
_STUDY_TABLES: tuple[TableSchema, ...] = (
    TableSchema(
        "coverage_regions",
        "goldendome coverage: figures of merit of each region for each space layer (rows "
        "named 'a+b' count a role's layers together); means weight points by cos(latitude).",
        ("region", "layer"),
        ("region", "layer"),
        (
            _c("region", "string", "", "region name (data/regions.toml)"),
            _c("layer", "string", "", "space layer, or its role's layers joined by '+'"),
            _c("role", "string", "", "interceptor, tracking or early_warning"),
            _c("layers", "string", "", "the layers counted, joined by ','"),
            _c("satellites", "int64", "", "satellites of those layers"),
            _c("min_elevation_deg", "float64", "deg", "elevation mask (NaN: the layers differ)"),
            _c("points", "int64", "", "grid points of the region"),
            _c("coverage_fraction_mean", "float64", "", "share of time covered"),
            _c("coverage_fraction_min", "float64", "", "share of time covered, worst point"),
            _c("always_covered_share", "float64", "", "share of the area covered all the time"),
            _c("points_never_covered", "int64", "", "points with no coverage interval"),
            _c("assets_mean", "float64", "", "satellites in view, time-weighted mean"),
            _c("assets_min", "int64", "", "fewest satellites in view at any point and time"),
            _c("assets_max", "int64", "", "most satellites in view at any point and time"),
            _c("intervals_mean", "float64", "", "coverage intervals per point"),
            _c("gaps_mean", "float64", "", "gaps per point"),
            _c("gap_mean_s", "float64", "s", "mean gap duration"),
            _c("gap_max_s", "float64", "s", "longest gap anywhere"),
            _c("time_average_gap_s", "float64", "s", "sum of squared gaps over the window"),
            _c("age_of_data_mean_s", "float64", "s", "time since coverage last ended, mean"),
            _c("age_of_data_max_s", "float64", "s", "time since coverage last ended, most"),
            _c("edge_gap_share", "float64", "", "share of the area with a gap open at an edge"),
        ),
    ),
    TableSchema(
        "coverage_folds",
        "goldendome coverage: share of time with at least N satellites in view, by region "
        "and layer (area-weighted mean over the region's points).",
        ("region", "layer", "at_least"),
        ("region", "layer", "fold"),
        (
            _c("region", "string", "", "region name"),
            _c("layer", "string", "", "space layer, or its role's layers joined by '+'"),
            _c("at_least", "int64", "", "N, satellites in view"),
            _c("time_fraction_mean", "float64", "", "share of time with at least N in view"),
        ),
    ),
    TableSchema(
        "coverage_points",
        "goldendome coverage: figures of merit of every grid point of every region, by layer.",
        ("region", "layer", "point"),
        ("region", "layer", "point"),
        (
            _c("region", "string", "", "region name"),
            _c("layer", "string", "", "space layer, or its role's layers joined by '+'"),
            _c("point", "int64", "", "grid point within the region"),
            _c("latitude_deg", "float64", "deg", "geodetic latitude of the point"),
            _c("longitude_deg", "float64", "deg", "longitude of the point"),
            _c("coverage_fraction", "float64", "", "share of time covered"),
            _c("assets_mean", "float64", "", "satellites in view, time-weighted mean"),
            _c("assets_min", "int64", "", "fewest satellites in view"),
            _c("assets_max", "int64", "", "most satellites in view"),
            _c("gaps", "int64", "", "gaps in coverage"),
            _c("gap_mean_s", "float64", "s", "mean gap (0: none)"),
            _c("gap_max_s", "float64", "s", "longest gap (0: none)"),
            _c("gap_at_edge", "bool", "", "a gap is open at the window's start or end"),
            _c("time_average_gap_s", "float64", "s", "sum of squared gaps over the window"),
            _c("age_of_data_mean_s", "float64", "s", "time since coverage last ended, mean"),
            _c("age_of_data_max_s", "float64", "s", "time since coverage last ended, most"),
        ),
    ),
    TableSchema(
        "sizing_shells",
        "goldendome size: each orbital shell searched and what it takes.",
        ("altitude_m", "inclination_deg"),
        ("shell",),
        (
            _c("altitude_m", "float64", "m", "circular orbit altitude"),
            _c("inclination_deg", "float64", "deg", "orbit inclination"),
            _c("mean_fraction_in_reach", "float64", "", "share of the shell able to engage"),
            _c("fewest_satellites", "int64", "", "fewest over the plane counts (-1: none met)"),
            _c("best", "bool", "", "holds the best constellation"),
        ),
    ),
    TableSchema(
        "sizing_candidates",
        "goldendome size: the fewest satellites of each geometry searched (shell and planes).",
        ("altitude_m", "inclination_deg", "planes"),
        ("shell", "planes"),
        (
            _c("altitude_m", "float64", "m", "circular orbit altitude"),
            _c("inclination_deg", "float64", "deg", "orbit inclination"),
            _c("planes", "int64", "", "Walker planes"),
            _c("per_plane", "int64", "", "satellites per plane (-1: not met)"),
            _c("satellites", "int64", "", "satellites in all (-1: not met)"),
            _c("met", "bool", "", "the geometry meets the question"),
            _c("searched_up_to", "int64", "", "most satellites tried"),
            _c("achieved_confidence", "float64", "", "share of launch times covered"),
            _c("mean_in_reach", "float64", "", "satellites in reach, mean over launch times"),
            _c("min_in_reach", "int64", "", "satellites in reach, fewest"),
            _c("best", "bool", "", "the best constellation"),
        ),
    ),
    TableSchema(
        "sizing_launch_times",
        "goldendome size: satellites of the best constellation in reach at each launch time.",
        ("launch_time_s",),
        ("time",),
        (
            _c("launch_time_s", "float64", "s", "launch time after the epoch"),
            _c("in_reach", "int64", "", "satellites able to engage"),
        ),
    ),
    TableSchema(
        "sizing_latitudes",
        "goldendome size: mean satellites of the best constellation in reach by latitude.",
        ("latitude_deg",),
        ("latitude",),
        (
            _c("latitude_deg", "float64", "deg", "launch latitude"),
            _c("mean_in_reach", "float64", "", "satellites able to engage, mean"),
        ),
    ),
    TableSchema(
        "flight",
        "goldendome fly: the figures of one flight (NaN where they do not apply).",
        ("class",),
        ("flight",),
        (
            _c("class", "string", "", "threat class"),
            _c("type", "string", "", "ballistic, hgv or cruise"),
            _c("launch_area", "string", "", "catalog launch area"),
            _c("target", "string", "", "catalog target, 'range' for a range, '' if none"),
            _c("shape", "string", "", "minimum_energy, lofted, fpa, reconstructed, glide, cruise"),
            _c("status", "string", "", "impact, still flying or no lift-off"),
            _c("azimuth_deg", "float64", "deg", "launch bearing asked (NaN: aimed at a target)"),
            _c("reachable", "bool", "", "the aim point is in reach (true when not aimed)"),
            _c("target_range_m", "float64", "m", "ground range to the aim point"),
            _c("max_range_m", "float64", "m", "the class's longest range on this bearing"),
            _c("miss_m", "float64", "m", "impact distance from the aim point"),
            _c("burnout_time_s", "float64", "s", "burnout, after launch"),
            _c("burnout_speed_m_s", "float64", "m/s", "inertial speed at burnout"),
            _c("burnout_speed_relative_m_s", "float64", "m/s", "Earth-relative, at burnout"),
            _c("burnout_altitude_m", "float64", "m", "height at burnout"),
            _c("burnout_flight_path_angle_deg", "float64", "deg", "flight-path angle there"),
            _c("apogee_altitude_m", "float64", "m", "apogee height"),
            _c("apogee_time_s", "float64", "s", "apogee, after launch"),
            _c("range_m", "float64", "m", "ground range flown"),
            _c("flight_time_s", "float64", "s", "launch to impact"),
            _c("impact_latitude_deg", "float64", "deg", "impact (or fuel-out) latitude"),
            _c("impact_longitude_deg", "float64", "deg", "impact (or fuel-out) longitude"),
            _c("impact_speed_m_s", "float64", "m/s", "Earth-relative speed at impact"),
            _c("pullup_time_s", "float64", "s", "glider pull-up, after launch"),
            _c("dive_time_s", "float64", "s", "glider dive, after launch"),
            _c("glide_altitude_min_m", "float64", "m", "lowest glide height"),
            _c("glide_altitude_max_m", "float64", "m", "highest glide height"),
            _c("glide_speed_max_m_s", "float64", "m/s", "glide speed at its start"),
            _c("glide_speed_min_m_s", "float64", "m/s", "glide speed at its end"),
            _c("max_bank_deg", "float64", "deg", "steepest glide bank"),
            _c("cross_range_deg", "float64", "deg", "boost bearing off the target's"),
            _c("cruise_speed_m_s", "float64", "m/s", "cruise missile speed"),
            _c("cruise_altitude_m", "float64", "m", "cruise missile altitude"),
        ),
    ),
    TableSchema(
        "flight_trajectory",
        "goldendome fly: the flight sampled from launch to impact.",
        ("t_s",),
        ("time",),
        (
            _c("t_s", "float64", "s", "time after launch"),
            *_lat_lon_alt("", "the missile"),
            _c("speed_m_s", "float64", "m/s", "speed relative to the rotating Earth"),
        ),
    ),
    TableSchema(
        "flight_reconstruction",
        "goldendome fly --reconstruct: the loft fitted to a reported test (the fitted payload, "
        "in kg, is in the manifest's run facts: no stored column holds a mass).",
        ("class",),
        ("flight",),
        (
            _c("class", "string", "", "threat class"),
            _c("reported_apogee_m", "float64", "m", "apogee reported"),
            _c("reported_range_m", "float64", "m", "range reported"),
            _c("reported_flight_time_s", "float64", "s", "flight time reported (NaN: none)"),
            _c("apogee_altitude_m", "float64", "m", "apogee of the fitted flight"),
            _c("range_m", "float64", "m", "downrange of the fitted flight"),
            _c("kick_deg", "float64", "deg", "fitted pitch-over kick"),
            _c("flight_time_s", "float64", "s", "flight time of the fitted flight"),
            _c("residual_s", "float64", "s", "reported minus fitted flight time (NaN: none)"),
            _c("residual_fraction", "float64", "", "residual over the fitted flight time"),
            _c("flagged", "bool", "", "the residual is too large for the physics"),
            _c("verdict", "string", "", "what the residual says"),
            _c("max_range_nominal_payload_m", "float64", "m", "reach, nominal payload"),
            _c("max_range_fitted_payload_m", "float64", "m", "reach, fitted payload"),
            _c("max_range_nominal_non_rotating_m", "float64", "m", "reach, non-rotating Earth"),
        ),
    ),
)

#: Every table a run folder may hold, by name.
TABLES: dict[str, TableSchema] = {t.name: t for t in (*_TABLES, *_STUDY_TABLES)}


def schema(name: str) -> TableSchema:
    """The declared schema of table ``name``.

    Raises
    ------
    KeyError
        With the known table names, when ``name`` is not one.
    """
    try:
        return TABLES[name]
    except KeyError:
        known = ", ".join(sorted(TABLES))
        raise KeyError(f"no table '{name}' is declared; the tables are: {known}.") from None

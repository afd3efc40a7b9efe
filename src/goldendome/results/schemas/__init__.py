"""Every table a run folder holds: its columns, their types and units, its keys and dimensions.

This package is the contract between the code that writes a run folder and everything that
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

from goldendome.results.schemas.columns import DTYPES, SCHEMA_VERSION, Column, TableSchema
from goldendome.results.schemas.run_tables import RUN_TABLES
from goldendome.results.schemas.strategy_tables import STRATEGY_TABLES
from goldendome.results.schemas.study_tables import STUDY_TABLES
from goldendome.results.schemas.sweep_tables import SWEEP_TABLES

__all__ = [
    "DTYPES",
    "RUN_TABLES",
    "SCHEMA_VERSION",
    "STRATEGY_TABLES",
    "STUDY_TABLES",
    "SWEEP_TABLES",
    "TABLES",
    "Column",
    "TableSchema",
    "schema",
]

#: Every table a run folder may hold, by name.
TABLES: dict[str, TableSchema] = {
    t.name: t for t in (*RUN_TABLES, *STUDY_TABLES, *STRATEGY_TABLES, *SWEEP_TABLES)
}


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

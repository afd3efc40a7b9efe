"""Column and table declarations, and the helpers the table lists are written with."""

from dataclasses import dataclass

#: Version of the table layout; a reader refuses folders written with another one.
SCHEMA_VERSION = 6

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


def col(name: str, dtype: str, unit: str, description: str) -> Column:
    return Column(name, dtype, unit, description)


def id_col(name: str, description: str) -> Column:
    return Column(name, "int64", "", description)


def lat_lon_alt(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        col(f"{prefix}latitude_deg", "float64", "deg", f"geodetic latitude of {what}"),
        col(f"{prefix}longitude_deg", "float64", "deg", f"longitude of {what}"),
        col(f"{prefix}altitude_m", "float64", "m", f"height above the WGS-84 ellipsoid of {what}"),
    )

"""The contract of a cost source: anything that states its elements as cost lines.

A scenario element (a constellation, a radar, a battery and its magazine, C2), a preset, or
a user's own list answers :meth:`CostSource.cost_lines` with
:class:`~goldendome.economics.lines.CostLine` objects in dollars of a base year; everything
downstream (:func:`~goldendome.economics.table.cost_table`,
:func:`~goldendome.economics.uncertainty.simulate`) takes lines, not sources.
:class:`CatalogSelection` is the plain implementation: catalog items with quantities and
overrides, the shape a scenario's ``[economics]`` table takes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from goldendome.economics.catalog import cost_line
from goldendome.economics.lines import CostLine


@runtime_checkable
class CostSource(Protocol):
    """States its elements as cost lines in dollars of ``base_year``."""

    def cost_lines(self, base_year: int) -> list[CostLine]:
        """The lines, each with a unique name."""
        ...


@dataclass(frozen=True)
class CatalogEntry:
    """One catalog item in an architecture.

    Attributes
    ----------
    item : str
        Entry of ``data/cost_catalog.toml``.
    quantity : float
        Units fielded.
    name : str, optional
        The line's name (default ``item``; give one when an item appears twice).
    launch : str, optional
        A launch entry replacing the item's.
    fields : mapping
        :class:`CostLine` fields replacing the catalog's (base-year dollars).
    """

    item: str
    quantity: float
    name: str | None = None
    launch: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogSelection:
    """An architecture as catalog entries (the plain :class:`CostSource`)."""

    entries: tuple[CatalogEntry, ...]

    def cost_lines(self, base_year: int) -> list[CostLine]:
        """Each entry as a cost line in dollars of ``base_year``."""
        return [
            cost_line(e.item, e.quantity, base_year, name=e.name, launch=e.launch, **e.fields)
            for e in self.entries
        ]

"""A section of the report page: a title and blocks, each HTML text or a plotly figure."""

import html
import re
from dataclasses import dataclass, field
from typing import Any

#: A block of a section: HTML (already escaped) or a ``plotly.graph_objects.Figure``.
Block = Any


@dataclass
class Section:
    """One section of the report (an ``<h2>`` with its blocks)."""

    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The section's id in the page, from its title."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")

    def text(self, sentence: str) -> "Section":
        """Add a paragraph of plain text (escaped here)."""
        self.blocks.append(f"<p>{html.escape(sentence)}</p>")
        return self

    def html(self, fragment: str) -> "Section":
        """Add an HTML fragment the caller has escaped."""
        self.blocks.append(fragment)
        return self

    def figure(self, fig: Any) -> "Section":
        """Add a plotly figure."""
        self.blocks.append(fig)
        return self

    def missing(self, what: str) -> "Section":
        """Say that the folder does not store what this section would show."""
        self.blocks.append(
            f'<p class="missing">Not stored in this run folder: {html.escape(what)}.</p>'
        )
        return self

    @property
    def figures(self) -> list[Any]:
        """The section's figures, in order."""
        return [b for b in self.blocks if not isinstance(b, str)]

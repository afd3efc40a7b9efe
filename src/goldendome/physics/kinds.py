"""Object kinds: the one enumeration every layer uses for what an object of a raid is.

Codes are stored in arrays (``kind`` columns, ``(n_object,)`` int64) and in tables by name
(``kind_name``). Compare with the members (``kind == ObjectKind.RV``), never with bare
numbers.
"""

from enum import IntEnum

import numpy as np

from goldendome.physics._types import IntArray


class ObjectKind(IntEnum):
    """What a tracked object physically is.

    ``RV`` and ``DECOY`` are released by a missile's bus; ``BOOSTER`` is the missile itself
    from launch to burnout (with its payload aboard), then its spent upper stage, which
    separates from the bus and flies on to impact.
    """

    RV = 0
    DECOY = 1
    BOOSTER = 2

    @property
    def label(self) -> str:
        """The kind's name in files and tables: ``rv``, ``decoy`` or ``booster``."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> "ObjectKind":
        """The kind named ``label`` (``rv``, ``decoy``, ``booster``).

        Raises
        ------
        ValueError
            For any other name.
        """
        try:
            return cls[label.upper()]
        except KeyError:
            names = ", ".join(k.label for k in cls)
            raise ValueError(f"unknown object kind '{label}'; expected one of {names}.") from None


#: Kind names indexed by code: ``KIND_LABELS[ObjectKind.DECOY] == "decoy"``.
KIND_LABELS: tuple[str, ...] = tuple(k.label for k in ObjectKind)
#: The kinds a missile's bus releases, in code order.
RELEASED_KINDS: tuple[ObjectKind, ...] = (ObjectKind.RV, ObjectKind.DECOY)


def kind_labels(codes: IntArray) -> list[str]:
    """Names of kind codes ``(n,)`` int64, as a list of ``n`` strings."""
    return [KIND_LABELS[int(c)] for c in np.asarray(codes)]

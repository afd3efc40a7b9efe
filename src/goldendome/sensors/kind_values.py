"""A catalog table holding one value per object kind (``rv``, ``decoy``, ``booster``), such as
an infrared signature or a radar cross section."""

from typing import Annotated

import numpy as np

from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import FloatArray
from goldendome.physics.kinds import KIND_LABELS

PositiveValue = Annotated[float, Bounded("must be positive", gt=0, le=1e6)]


class KindValues(SpecModel):
    """A positive value for every :class:`~goldendome.physics.kinds.ObjectKind`, by label."""

    rv: PositiveValue
    decoy: PositiveValue
    booster: PositiveValue

    def by_code(self) -> FloatArray:
        """The values indexed by kind code, ``(3,)`` float64."""
        return np.array([getattr(self, label) for label in KIND_LABELS], dtype=np.float64)


if tuple(KindValues.model_fields) != KIND_LABELS:  # pragma: no cover - a programming error
    raise RuntimeError("KindValues must have one field per object kind, in code order.")

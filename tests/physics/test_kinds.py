"""Object kinds: one enumeration, its names, and no copies elsewhere."""

import numpy as np
import pytest

from goldendome.physics.kinds import KIND_LABELS, RELEASED_KINDS, ObjectKind, kind_labels


def test_codes_and_labels_round_trip():
    assert [int(k) for k in ObjectKind] == [0, 1, 2]
    assert KIND_LABELS == ("rv", "decoy", "booster")
    for kind in ObjectKind:
        assert ObjectKind.from_label(kind.label) is kind
        assert KIND_LABELS[kind] == kind.label
    assert RELEASED_KINDS == (ObjectKind.RV, ObjectKind.DECOY)


def test_kind_labels_one_element_and_batch():
    assert kind_labels(np.array([ObjectKind.DECOY])) == ["decoy"]
    codes = np.array([2, 0, 1, 1], dtype=np.int64)
    assert kind_labels(codes) == ["booster", "rv", "decoy", "decoy"]


def test_an_unknown_label_is_explained():
    with pytest.raises(
        ValueError, match="unknown object kind 'warhead'; expected one of rv, decoy"
    ):
        ObjectKind.from_label("warhead")

"""How a salvo saturates one-shot SBIs: the most shots every missile can get at once."""

import itertools

import numpy as np

from goldendome.engagement.salvo import fair_shots


def _pairs(satellite: list[int], threat: list[int]) -> tuple[np.ndarray, np.ndarray]:
    return np.array(satellite, np.int64), np.array(threat, np.int64)


def test_fair_shots_share_satellites_between_missiles():
    # Satellites 0-2 reach both missiles, 3 only missile 1: with one kill vehicle each,
    # both missiles can get 2 shots (0,1 | 2,3), not 3.
    k, shots = fair_shots(*_pairs([0, 1, 2, 0, 1, 2, 3], [0, 0, 0, 1, 1, 1, 1]), 2)
    assert k == 2
    assert shots.tolist() == [2, 2]
    assert shots.dtype == np.int64


def test_a_missile_nothing_reaches_gets_nothing_and_so_does_the_salvo():
    k, shots = fair_shots(*_pairs([0], [0]), 2)
    assert k == 0
    assert shots.tolist() == [0, 0]


def test_disjoint_satellites_give_each_missile_its_own_count_up_to_the_least():
    k, shots = fair_shots(*_pairs([0, 1, 2, 3, 4], [0, 0, 0, 1, 1]), 2)
    assert k == 2
    assert shots.tolist() == [2, 2]


def test_the_guarantee_is_the_best_over_every_assignment_of_one_shot_per_satellite():
    """Brute force on small random reach graphs: no assignment of each satellite to at most
    one missile in its reach gives every missile more than ``k`` shots, and the returned
    assignment gives each missile exactly ``k`` from distinct satellites."""
    rng = np.random.default_rng(4)
    for _ in range(20):
        n_sat, n_thr = 5, 3
        reach = rng.random((n_sat, n_thr)) < 0.5
        sat, thr = np.nonzero(reach)
        k, shots = fair_shots(sat, thr, n_thr)
        best = 0
        for choice in itertools.product(*[[-1, *np.flatnonzero(r)] for r in reach]):
            counts = np.bincount([c for c in choice if c >= 0], minlength=n_thr)
            best = max(best, int(counts.min()))
        assert k == best
        assert (shots == k).all()

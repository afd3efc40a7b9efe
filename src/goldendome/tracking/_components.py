"""Compiled connected components of a bipartite graph given as an edge list (the candidate
(track, measurement) pairs of a scan), for :func:`goldendome.tracking.association.gnn_assign_pairs`.
"""

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray


@nb.njit(cache=True)
def _find(parent: IntArray, a: int) -> int:
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


@nb.njit(cache=True)
def edge_components(
    rows: IntArray, cols: IntArray, n_rows: int, n_cols: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Connected components of the bipartite graph with edges ``(rows[e], cols[e])``.

    Parameters
    ----------
    rows, cols : (n_edge,) int64
        Row ids in ``0 .. n_rows - 1`` and column ids in ``0 .. n_cols - 1``.

    Returns
    -------
    component : (n_edge,) int64
        Each edge's component, numbered ``0, 1, ...`` in order of first edge.
    n_rows_in, n_cols_in : (n_component,) int64
        Rows and columns of each component.
    """
    parent = np.arange(n_rows + n_cols)
    for e in range(rows.size):
        a, b = _find(parent, rows[e]), _find(parent, n_rows + cols[e])
        if a != b:
            parent[max(a, b)] = min(a, b)
    label = np.full(n_rows + n_cols, -1, np.int64)
    component = np.empty(rows.size, np.int64)
    n_comp = 0
    for e in range(rows.size):
        root = _find(parent, rows[e])
        if label[root] < 0:
            label[root] = n_comp
            n_comp += 1
        component[e] = label[root]
    n_rows_in, n_cols_in = np.zeros(n_comp, np.int64), np.zeros(n_comp, np.int64)
    seen = np.zeros(n_rows + n_cols, np.bool_)
    for e in range(rows.size):
        if not seen[rows[e]]:
            seen[rows[e]] = True
            n_rows_in[component[e]] += 1
        if not seen[n_rows + cols[e]]:
            seen[n_rows + cols[e]] = True
            n_cols_in[component[e]] += 1
    return component, n_rows_in, n_cols_in


@nb.njit(cache=True)
def star_choices(component: IntArray, n_rows_in: IntArray, n_cols_in: IntArray,
                 cost: FloatArray) -> IntArray:  # fmt: skip
    """The least-cost edge of each component with one row or one column (a star: its best
    one-to-one matching is that edge alone); -1 for the other components."""
    best = np.full(n_rows_in.size, -1, np.int64)
    for e in range(component.size):
        c = component[e]
        star = n_rows_in[c] == 1 or n_cols_in[c] == 1
        if star and (best[c] < 0 or cost[e] < cost[best[c]]):
            best[c] = e
    return best


@nb.njit(cache=True)
def group_edges(
    rows: IntArray, cols: IntArray, component: IntArray, wanted: IntArray, n_rows: int, n_cols: int
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """The edges of the ``wanted`` components, grouped by component, with row and column
    numbers local to their component (first seen first).

    Returns
    -------
    edges : (n,) int64
        Edge indices, component by component (in ``wanted`` order).
    starts : (n_wanted + 1,) int64
        Where each component's edges start in ``edges``.
    local_row, local_col : (n,) int64
    """
    slot = np.full(component.max() + 1 if component.size else 0, -1, np.int64)
    for k in range(wanted.size):
        slot[wanted[k]] = k
    starts = np.zeros(wanted.size + 1, np.int64)
    for e in range(component.size):
        if slot[component[e]] >= 0:
            starts[slot[component[e]] + 1] += 1
    starts = np.cumsum(starts)
    fill = starts[:-1].copy()
    edges = np.empty(starts[-1], np.int64)
    for e in range(component.size):
        k = slot[component[e]]
        if k >= 0:
            edges[fill[k]] = e
            fill[k] += 1
    row_map, col_map = np.full(n_rows, -1, np.int64), np.full(n_cols, -1, np.int64)
    local_row, local_col = np.empty(edges.size, np.int64), np.empty(edges.size, np.int64)
    for k in range(wanted.size):
        n_r = n_c = 0
        for i in range(starts[k], starts[k + 1]):
            e = edges[i]
            if row_map[rows[e]] < 0:
                row_map[rows[e]] = n_r
                n_r += 1
            if col_map[cols[e]] < 0:
                col_map[cols[e]] = n_c
                n_c += 1
            local_row[i], local_col[i] = row_map[rows[e]], col_map[cols[e]]
        for i in range(starts[k], starts[k + 1]):
            row_map[rows[edges[i]]] = -1
            col_map[cols[edges[i]]] = -1
    return edges, starts, local_row, local_col

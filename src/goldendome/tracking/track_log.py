"""What a tracker did, as arrays: per track, per measurement, and each track's states over time.

:class:`TrackLog` is the record :func:`goldendome.tracking.tracker.run_tracker` returns;
:class:`LogBuilder` grows it as the scans go (arrays with spare room, so that adding a time
step's tracks or states costs what they hold, not what came before).
"""

from dataclasses import dataclass, field

import numpy as np

from goldendome.physics._types import FloatArray, IntArray


def _empty(*shape: int) -> FloatArray:
    return np.empty((0, *shape), dtype=np.float64)


@dataclass
class TrackHistory:
    """Each track's state after each time step in which it was updated.

    Attributes
    ----------
    track : (n,) int64
    t_s : (n,) float64, s
    x_eci : (n, 6) float64, m and m/s
    position_sigma_m, velocity_sigma_m_s : (n,) float64
        Root of the largest eigenvalue of the position (velocity) covariance block.
    """

    track: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    t_s: FloatArray = field(default_factory=lambda: _empty())
    x_eci: FloatArray = field(default_factory=lambda: _empty(6))
    position_sigma_m: FloatArray = field(default_factory=lambda: _empty())
    velocity_sigma_m_s: FloatArray = field(default_factory=lambda: _empty())

    def __len__(self) -> int:
        return int(self.track.shape[0])


@dataclass
class TrackLog:
    """What the tracker did.

    Attributes
    ----------
    created_s, firm_s, fire_control_s : (n_track,) float64, s
        When each track started, became firm, and reached fire-control quality (NaN: never).
    fire_control_x_eci : (n_track, 6) float64
        Each track's state when it first reached fire-control quality (NaN rows: never).
    fire_control_covariance : (n_track, 6, 6) float64
        Its covariance then.
    sensors : list of dict of int to float
        Per track, the sensors that updated it and when each first did, in that order.
    assigned : (n_measurement,) int64
        The track each measurement went to (-1: none).
    history : TrackHistory
    """

    created_s: FloatArray = field(default_factory=lambda: _empty())
    firm_s: FloatArray = field(default_factory=lambda: _empty())
    fire_control_s: FloatArray = field(default_factory=lambda: _empty())
    fire_control_x_eci: FloatArray = field(default_factory=lambda: _empty(6))
    fire_control_covariance: FloatArray = field(default_factory=lambda: _empty(6, 6))
    sensors: list[dict[int, float]] = field(default_factory=list)
    assigned: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    history: TrackHistory = field(default_factory=TrackHistory)

    def __len__(self) -> int:
        return len(self.created_s)


class _Column:
    """A growing array (first axis), with spare room."""

    def __init__(self, shape: tuple[int, ...], dtype: type, fill: float = np.nan) -> None:
        self.data: np.ndarray = np.full((16, *shape), fill, dtype=dtype)
        self.fill = fill
        self.n = 0

    def extend(self, values: np.ndarray) -> None:
        need = self.n + values.shape[0]
        if need > self.data.shape[0]:
            grown = np.full((max(need, 2 * self.data.shape[0]), *self.data.shape[1:]), self.fill,
                            dtype=self.data.dtype)  # fmt: skip
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : need] = values
        self.n = need

    def view(self) -> np.ndarray:
        return self.data[: self.n]


class LogBuilder:
    """Collects a :class:`TrackLog` as the tracker runs."""

    def __init__(self, n_measurements: int) -> None:
        self.assigned = np.full(n_measurements, -1, dtype=np.int64)
        self.created = _Column((), np.float64)
        self.firm = _Column((), np.float64)
        self.fire = _Column((), np.float64)
        self.fire_x = _Column((6,), np.float64)
        self.fire_p = _Column((6, 6), np.float64)
        self._updates: list[tuple[IntArray, IntArray, FloatArray]] = []
        self._history: list[tuple[IntArray, FloatArray, FloatArray, FloatArray, FloatArray]] = []

    def __len__(self) -> int:
        return self.created.n

    def new_tracks(self, t: float, sensor: IntArray) -> IntArray:
        """Ids of ``sensor.size`` tracks started at ``t`` by those sensors."""
        n, first = sensor.size, len(self)
        self.created.extend(np.full(n, t))
        for column in (self.firm, self.fire):
            column.extend(np.full(n, np.nan))
        self.fire_x.extend(np.full((n, 6), np.nan))
        self.fire_p.extend(np.full((n, 6, 6), np.nan))
        ids = np.arange(first, first + n, dtype=np.int64)
        self.updated(ids, sensor, t)
        return ids

    def updated(self, tracks: IntArray, sensor: IntArray | int, t: float) -> None:
        """Tracks updated (or started) by sensors at ``t``."""
        sensors = np.broadcast_to(np.asarray(sensor, np.int64), tracks.shape)
        self._updates.append((tracks, sensors.copy(), np.full(tracks.size, t)))

    def states(
        self,
        tracks: IntArray,
        t: float,
        x: FloatArray,
        pos_sigma: FloatArray,
        vel_sigma: FloatArray,
    ) -> None:
        """The states of ``tracks`` updated at ``t``, for the history."""
        self._history.append((tracks, np.full(tracks.size, t), x, pos_sigma, vel_sigma))

    def build(self) -> TrackLog:
        """The finished record."""
        n = len(self)
        hist = TrackHistory()
        if self._history:
            cols = [np.concatenate([h[k] for h in self._history]) for k in range(5)]
            hist = TrackHistory(cols[0].astype(np.int64), *cols[1:])
        return TrackLog(
            created_s=self.created.view().copy(),
            firm_s=self.firm.view().copy(),
            fire_control_s=self.fire.view().copy(),
            fire_control_x_eci=self.fire_x.view().copy(),
            fire_control_covariance=self.fire_p.view().copy(),
            sensors=self._sensors(n),
            assigned=self.assigned,
            history=hist,
        )

    def _sensors(self, n: int) -> list[dict[int, float]]:
        """Per track, each sensor's first update, in the order they came."""
        out: list[dict[int, float]] = [{} for _ in range(n)]
        if not self._updates:
            return out
        track, sensor, t = (np.concatenate([u[k] for u in self._updates]) for k in range(3))
        key = track * (int(sensor.max(initial=0)) + 1) + sensor
        _, first = np.unique(key, return_index=True)
        first.sort()
        for k, s, ts in zip(track[first].tolist(), sensor[first].tolist(), t[first].tolist(),
                            strict=True):  # fmt: skip
            out[k][s] = ts
        return out

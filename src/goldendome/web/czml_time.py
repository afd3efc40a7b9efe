"""Times and colours of the CZML documents: ISO 8601 instants on the scenario's epoch."""

from datetime import UTC, datetime, timedelta
from typing import Any

#: Packet colours, RGBA 0-255, by what the object is.
COLORS: dict[str, list[int]] = {
    "interceptor": [255, 170, 0, 255],
    "tracking": [0, 220, 255, 255],
    "early_warning": [255, 255, 255, 255],
    "booster": [255, 120, 0, 255],
    "rv": [255, 40, 40, 255],
    "decoy": [170, 170, 170, 255],
    "shot": [255, 255, 255, 255],
    "kill": [60, 255, 60, 255],
    "miss": [255, 230, 0, 255],
    "leak": [255, 0, 200, 255],
    "impact": [255, 140, 140, 255],
    "site": [120, 200, 255, 255],
    "battery": [80, 160, 255, 255],
    "asset": [255, 255, 120, 255],
}


class ScenarioClock:
    """The run's clock as CZML wants it: the epoch and instants as ISO 8601 strings.

    Parameters
    ----------
    epoch_utc : str
        The scenario epoch as the manifest stores it (ISO 8601, with an offset or ``Z``).
    duration_s : float
        Length of the scenario window, seconds.
    """

    def __init__(self, epoch_utc: str, duration_s: float) -> None:
        epoch = datetime.fromisoformat(epoch_utc.replace("Z", "+00:00"))
        self.epoch = epoch.astimezone(UTC) if epoch.tzinfo else epoch.replace(tzinfo=UTC)
        self.duration_s = float(duration_s)

    def iso(self, t_s: float) -> str:
        """The instant ``t_s`` seconds after the epoch to the millisecond, ``...THH:MM:SS.fffZ``
        (sample times are rounded alike, so an interval and its samples agree)."""
        instant = self.epoch + timedelta(milliseconds=round(float(t_s) * 1000.0))
        return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"

    @property
    def epoch_iso(self) -> str:
        """The epoch itself."""
        return self.iso(0.0)

    def interval(self, start_s: float, end_s: float) -> str:
        """An ISO 8601 interval ``start/end``, clipped to the scenario window."""
        start = min(max(start_s, 0.0), self.duration_s)
        end = min(max(end_s, start), self.duration_s)
        return f"{self.iso(start)}/{self.iso(end)}"

    def document(self, name: str, current_s: float = 0.0, multiplier: float = 20.0) -> Any:
        """The document packet that opens a CZML document, with the scenario's clock."""
        return {
            "id": "document",
            "name": name,
            "version": "1.0",
            "clock": {
                "interval": self.interval(0.0, self.duration_s),
                "currentTime": self.iso(current_s),
                "multiplier": multiplier,
                "range": "LOOP_STOP",
                "step": "SYSTEM_CLOCK_MULTIPLIER",
            },
        }


def rgba(kind: str, alpha: int | None = None) -> dict[str, list[int]]:
    """A CZML colour property for ``kind`` (:data:`COLORS`), its alpha replaced if given."""
    color = list(COLORS[kind])
    if alpha is not None:
        color[3] = alpha
    return {"rgba": color}

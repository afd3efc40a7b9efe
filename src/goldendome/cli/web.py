"""``goldendome czml`` and ``goldendome serve``: the offline globe (being written)."""

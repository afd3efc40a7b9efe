"""Life-cycle cost of a missile-defense architecture (placeholder; documented below)."""

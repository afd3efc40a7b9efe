"""Running scenarios: one vectorized pass over the architecture (Monte Carlo comes later)."""

"""Studies: questions answered over the simulator, beside the run pipeline: coverage of named
regions by the space layers, SBI constellation sizing, and flying or reconstructing a single
threat."""

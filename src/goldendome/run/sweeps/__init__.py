"""Trade-study sweeps: a sweep file, its design of cases, the cases run on Dask, the sweep's
tables, and their analysis (Sobol indices, Morris screening, the Pareto front)."""

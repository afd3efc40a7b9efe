"""The tables a sweep folder holds: its cases with their outputs, the inputs of each case,
and the analysis (Sobol indices, Morris screening, the Pareto front)."""

from goldendome.results.schemas.columns import TableSchema, col

#: Outputs of a case, as stored (the columns after the case's facts).
_OUTPUT_COLUMNS = (
    col("p_zero_leakers", "float64", "", "share of trials with no warhead through (NaN: failed)"),
    col("expected_leakers", "float64", "", "mean warheads through per trial"),
    col("cost_usd", "float64", "USD", "20-year cost of the architecture (base-year dollars)"),
    col("cost_per_warhead_stopped_usd", "float64", "USD", "20-year cost per warhead stopped"),
    col("interceptors_expended", "float64", "", "mean interceptors fired per trial"),
)

#: Tables of a sweep folder (``runs/sweep-<name>/``).
SWEEP_TABLES: tuple[TableSchema, ...] = (
    TableSchema(
        "sweep_cases",
        "goldendome sweep: one row per case of the design, in design order, with the case's "
        "outputs; identical whatever the workers (a case's seed derives from the sweep's seed "
        "and its values).",
        ("case",),
        ("case",),
        (
            col("case", "int64", "", "row of the design (0 first)"),
            col("case_key", "string", "", "hash of the sweep's seed and the case's values"),
            col("seed", "int64", "", "the case's scenario seed"),
            col("status", "string", "", "complete, failed or pending"),
            col("error", "string", "", "a failed case's error (empty otherwise)"),
            col("trials", "int64", "", "Monte Carlo trials of the case"),
            *_OUTPUT_COLUMNS,
        ),
    ),
    TableSchema(
        "sweep_inputs",
        "goldendome sweep: the value of each swept input in each case (long form; an input a "
        "one-at-a-time case leaves alone is not listed).",
        ("case", "path"),
        ("case", "parameter"),
        (
            col("case", "int64", "", "row of the design"),
            col("path", "string", "", "the input's key path in the scenario"),
            col("value", "float64", "", "the value in the key's file unit (NaN: not a number)"),
            col("text", "string", "", "the value as written in TOML"),
            col("unit_x", "float64", "", "the case's point in the unit cube (design coordinate)"),
        ),
    ),
    TableSchema(
        "sweep_sobol",
        "goldendome sweep analyze: Sobol indices of each output to each input (SALib, "
        "Saltelli/Jansen estimators), with 95% bootstrap confidence half-widths.",
        ("output", "path"),
        ("output", "parameter"),
        (
            col("output", "string", "", "the output"),
            col("path", "string", "", "the input"),
            col("s1", "float64", "", "first-order index"),
            col("s1_conf", "float64", "", "95% confidence half-width of s1"),
            col("st", "float64", "", "total-order index"),
            col("st_conf", "float64", "", "95% confidence half-width of st"),
        ),
    ),
    TableSchema(
        "sweep_morris",
        "goldendome sweep analyze: Morris elementary effects of each output to each input "
        "over its whole range (SALib), with the 95% confidence half-width of mu*.",
        ("output", "path"),
        ("output", "parameter"),
        (
            col("output", "string", "", "the output"),
            col("path", "string", "", "the input"),
            col("mu", "float64", "", "mean elementary effect (output units per range)"),
            col("mu_star", "float64", "", "mean absolute elementary effect"),
            col("mu_star_conf", "float64", "", "95% confidence half-width of mu_star"),
            col("sigma", "float64", "", "standard deviation of the elementary effects"),
        ),
    ),
    TableSchema(
        "sweep_pareto",
        "goldendome sweep analyze: each complete case's cost and P(zero leakers), and "
        "whether it is on the Pareto front (no other case costs no more with no lower "
        "P(zero leakers), better in one).",
        ("case_key",),
        ("case",),
        (
            col("case_key", "string", "", "the case"),
            col("cost_usd", "float64", "USD", "20-year cost"),
            col("p_zero_leakers", "float64", "", "share of trials with no warhead through"),
            col("expected_leakers", "float64", "", "mean warheads through per trial"),
            col("on_front", "bool", "", "on the Pareto front of cost against P(zero leakers)"),
        ),
    ),
)

"""The architecture's life-cycle cost in a run folder (written by the economics stage), so
the summary sets its cost beside its outcomes without the simulator."""

from goldendome.results.schemas.columns import TableSchema, col

COST_TABLES: tuple[TableSchema, ...] = (
    TableSchema(
        "cost",
        "Life-cycle cost by element, calendar year and category (constant base-year dollars).",
        ("element", "category", "year"),
        ("element", "year"),
        (
            col("element", "string", "", "scenario element (space layer, site, SITE/TYPE, c2)"),
            col("layer", "string", "", "cost layer (space, upper, lower, ...)"),
            col("category", "string", "", "development, procurement, launch, o_and_s, ..."),
            col("year", "int64", "", "calendar year"),
            col("cost_usd", "float64", "USD", "constant dollars of the base year"),
        ),
    ),
    TableSchema(
        "cost_elements",
        "Each priced element: its catalog item, quantity and unit cost.",
        ("element",),
        ("element",),
        (
            col("element", "string", "", "scenario element"),
            col("layer", "string", "", "cost layer"),
            col("kind", "string", "", "space, radar, platform, magazine or c2"),
            col("item", "string", "", "entry of data/cost_catalog.toml"),
            col("interceptor", "string", "", "interceptor type of its rounds (empty if none)"),
            col("quantity", "float64", "", "units fielded"),
            col("unit_cost_usd", "float64", "USD", "average recurring cost of one unit"),
            col("total_usd", "float64", "USD", "its cost over the horizon"),
        ),
    ),
    TableSchema(
        "cost_estimate",
        "The horizon and the total, with P10/P50/P90 when inputs are uncertain (NaN if not).",
        ("base_year",),
        ("base_year",),
        (
            col("base_year", "int64", "", "dollar year"),
            col("first_year", "int64", "", "first calendar year of the horizon"),
            col("years", "int64", "", "length of the horizon"),
            col("total_usd", "float64", "USD", "point estimate over the horizon"),
            col("p10_usd", "float64", "USD", "10th percentile of the total"),
            col("p50_usd", "float64", "USD", "median of the total"),
            col("p90_usd", "float64", "USD", "90th percentile of the total"),
            col("draws", "int64", "", "draws behind the percentiles (0: none)"),
        ),
    ),
)

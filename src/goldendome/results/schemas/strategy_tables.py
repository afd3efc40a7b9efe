"""The tables the strategic studies write: the timeline (``goldendome timeline``), the
offense-defense exchange (``goldendome exchange``) and the partners (``goldendome partners``).

Each study's folder holds its own figures; the Monte Carlo runs it made (one per year, step
or partner case) stay in their own run folders, named in the ``run_folder`` columns.
"""

from goldendome.results.schemas.columns import TableSchema, col

#: P(zero leakers) with its 95% Wilson interval (NaN where no run was made).
_P_ZERO = (
    col("p_zero_leakers", "float64", "", "P(zero leakers) (NaN: no run)"),
    col("p_zero_leakers_low", "float64", "", "lower end of its 95% Wilson interval"),
    col("p_zero_leakers_high", "float64", "", "upper end of its 95% Wilson interval"),
)

#: The defense's cheapest answer to a step (more SBIs, or NGIs fired deeper).
_DEFENSE = (
    col("defense_option", "string", "", "sbis, midcourse, or '' when none is needed or found"),
    col("defense_added", "float64", "", "SBIs or NGI rounds added"),
    col("defense_shots_per_look", "int64", "", "midcourse shots a look (-1: unchanged)"),
    col("defense_acquisition_usd", "float64", "USD", "what the answer costs to buy"),
    col("defense_life_cycle_usd", "float64", "USD", "what the answer costs over its life cycle"),
    col("defense_p_zero_leakers", "float64", "", "P(zero leakers) with the answer (analytic)"),
    col("defense_note", "string", "", "why no answer, or ''"),
)

#: Tables of the timeline, exchange and partners studies' folders.
STRATEGY_TABLES: tuple[TableSchema, ...] = (
    TableSchema(
        "timeline_years",
        "goldendome timeline: each year's spending, budget, engagement layers and kill chain "
        "against the scenario's raid (spending on new elements; constant dollars of the "
        "scenario's base year, and then-year dollars).",
        ("year",),
        ("year",),
        (
            col("year", "int64", "", "calendar year"),
            col("layers", "string", "", "engagement layers that exist, joined by '+'"),
            col("spend_usd", "float64", "USD", "spending on new elements, constant dollars"),
            col("spend_then_year_usd", "float64", "USD", "the same in then-year dollars"),
            col("budget_usd", "float64", "USD", "the year's budget, constant dollars"),
            col("budget_then_year_usd", "float64", "USD", "the year's budget, then-year"),
            col(
                "existing_o_and_s_usd",
                "float64",
                "USD",
                "O&S of what was in service before the timeline (outside the budget)",
            ),
            *_P_ZERO,
            col("expected_leakers", "float64", "", "warheads leaking per trial, mean"),
            col("expected_leakers_stderr", "float64", "", "its standard error"),
            col("warheads", "int64", "", "warheads in the raid (-1: no run)"),
            col("trials", "int64", "", "Monte Carlo trials of the year's run (-1: no run)"),
            col("run_folder", "string", "", "the year's run folder ('' : no run)"),
            col("same_as_year", "int64", "", "year whose run this year reuses (-1: its own)"),
        ),
    ),
    TableSchema(
        "timeline_fielding",
        "goldendome timeline: each element's units in service at each year's end, units "
        "fielded in the year, and what held it back.",
        ("year", "element"),
        ("year", "element"),
        (
            col("year", "int64", "", "calendar year"),
            col("element", "string", "", "element of the architecture (economics.elements)"),
            col("kind", "string", "", "space, radar, platform, rounds, c2, ..."),
            col("item", "string", "", "cost catalog item"),
            col("target", "float64", "", "units the scenario's architecture holds"),
            col("fielded", "float64", "", "units in service at the year's end (whole)"),
            col("built", "float64", "", "units fielded in the year (fractions: part paid)"),
            col("limited_by", "string", "", "what held it back (production, budget, ...)"),
        ),
    ),
    TableSchema(
        "timeline_spending",
        "goldendome timeline: each year's spending on new elements by cost category.",
        ("year", "category"),
        ("year", "category"),
        (
            col("year", "int64", "", "calendar year"),
            col("category", "string", "", "cost category"),
            col("spend_usd", "float64", "USD", "constant dollars of the base year"),
            col("spend_then_year_usd", "float64", "USD", "then-year dollars"),
        ),
    ),
    TableSchema(
        "exchange_curve",
        "goldendome exchange: the step curve of an arsenal projection, the offense's and the "
        "defense's cumulative acquisition spending as the raid grows (from today's raid).",
        ("year",),
        ("year",),
        (
            col("year", "int64", "", "year of the projection"),
            col("missiles", "int64", "", "missiles in the raid that year"),
            col("offense_usd", "float64", "USD", "offense's spending on the added missiles"),
            col("p_zero_leakers", "float64", "", "P(zero leakers) unanswered (analytic)"),
            col("expected_through", "float64", "", "warheads through unanswered (analytic)"),
            *_DEFENSE,
            col("ratio", "float64", "", "defense dollars per offense dollar (NaN: none)"),
        ),
    ),
    TableSchema(
        "exchange_answers",
        "goldendome exchange: the salvo, and separately the decoys per warhead, that restore "
        "the offense's penetration goal, what each side pays and the marginal ratio.",
        ("question",),
        ("question",),
        (
            col("question", "string", "", "salvo or decoys"),
            col("unit", "string", "", "missiles, or decoys per warhead"),
            col("value", "float64", "", "the answer (the best found when not reached)"),
            col("bound", "float64", "", "the search's upper bound"),
            col("reached", "bool", "", "whether the goal is reached within the bound"),
            col("confirmed", "float64", "", "the value Monte Carlo confirmed (NaN: none)"),
            col("analytic_p_any_through", "float64", "", "P(any warhead through), analytic"),
            col("analytic_expected_through", "float64", "", "warheads through, analytic"),
            col("offense_usd", "float64", "USD", "offense's spending for the step"),
            *_DEFENSE,
            col("ratio", "float64", "", "defense dollars per offense dollar, to buy"),
            col("ratio_life_cycle", "float64", "", "the same over the life cycle"),
        ),
    ),
    TableSchema(
        "exchange_runs",
        "goldendome exchange: the Monte Carlo runs (calibration, confirmations) and what "
        "each found.",
        ("question", "attempt"),
        ("question", "attempt"),
        (
            col("question", "string", "", "baseline, salvo or decoys"),
            col("attempt", "int64", "", "0 for the first run of the question"),
            col("value", "float64", "", "missiles, or decoys per warhead"),
            col("p_zero_leakers", "float64", "", "P(zero leakers)"),
            col("p_any_through", "float64", "", "P(at least one warhead through)"),
            col("expected_through", "float64", "", "warheads through per trial, mean"),
            col("expected_through_stderr", "float64", "", "its standard error"),
            col("trials", "int64", "", "Monte Carlo trials"),
            col("met", "bool", "", "whether the offense's goal is met"),
            col("run_folder", "string", "", "the run's folder"),
        ),
    ),
    TableSchema(
        "partner_totals",
        "goldendome partners: each partner's contribution over the life cycle (constant "
        "dollars of the base year), as a share of the architecture, and what it hosts.",
        ("partner",),
        ("partner",),
        (
            col("partner", "string", "", "partner's name"),
            col("country", "string", "", "ISO 3166 country code"),
            col("contribution_usd", "float64", "USD", "what it pays for and fields"),
            col("architecture_usd", "float64", "USD", "the architecture with its elements"),
            col("share_of_architecture", "float64", "", "contribution over architecture"),
            col("hosted_value_usd", "float64", "USD", "value of the elements on its soil"),
        ),
    ),
    TableSchema(
        "partner_contributions",
        "goldendome partners: each share, own element, programme and hosted element of "
        "each partner.",
        ("partner", "row"),
        ("partner", "contribution"),
        (
            col("partner", "string", "", "partner's name"),
            col("row", "int64", "", "order within the partner"),
            col("kind", "string", "", "share, own, programme or hosted"),
            col("what", "string", "", "element or programme"),
            col("share", "float64", "", "share of its cost paid (NaN: a programme)"),
            col("paid_usd", "float64", "USD", "what the partner pays"),
            col("hosted_value_usd", "float64", "USD", "value of a hosted element (else NaN)"),
            col("source", "string", "", "where a programme's figure comes from"),
        ),
    ),
    TableSchema(
        "partner_outcomes",
        "goldendome partners: the kill chain over the US with and without each partner's "
        "elements, and a raid on the partner's own territory.",
        ("partner", "case"),
        ("partner", "case"),
        (
            col("partner", "string", "", "partner's name"),
            col("case", "string", "", "us_with, us_without or own_raid"),
            col("raid", "string", "", "which raid"),
            col("architecture", "string", "", "with or without the partner's elements"),
            *_P_ZERO,
            col("expected_leakers", "float64", "", "warheads leaking per trial, mean"),
            col("expected_damage", "float64", "", "people in the leakers' damage, mean"),
            col("warheads", "int64", "", "warheads in the raid"),
            col("trials", "int64", "", "Monte Carlo trials"),
            col("defended", "string", "", "defended assets, joined by '; '"),
            col("run_folder", "string", "", "the run's folder"),
        ),
    ),
)

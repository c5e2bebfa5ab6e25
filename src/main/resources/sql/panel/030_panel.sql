-- Indicator values (indicator_values unions the files of jobs/indicators/), why a value is NULL, and the plan:
-- target, expected value on the trajectory, status (docs/panel.md).

create or replace table marts.indicator_values as
{{indicator_queries}};

-- Why a value is NULL, in Chinese with a stable code (jobs/reference/reason_codes.csv, applies_to value), for every
-- indicator, region and year: before the plan where the indicator starts later (defined_from in indicators.yml);
-- else the inputs missing in that region and year, each with why (marts.components.origin); else the catalogue's
-- undefined_when. The missing components are aggregated per indicator, region and year in one pass, then joined to
-- the grid and every indicator. A region that is both county and city (441900) is in the grid twice, and its missing
-- inputs are listed twice.
create or replace table marts.indicator_null_reasons as
with indicators(indicator_code, defined_from, otherwise_code, otherwise_reason) as (
    {{indicator_null_rules}}
),

indicator_inputs(indicator_code, component_code) as (
    {{indicator_inputs}}
),

missing as (
    select
        inputs.indicator_code,
        grid.region_code,
        grid.year,
        string_agg(catalogue.name || ' ' || c.component_code || '（' || c.origin || '）', '；'
            order by c.component_code, c.origin) as inputs_missing
    from marts.panel_grid as grid
    join marts.components as c on c.region_code = grid.region_code and c.year = grid.year
    join indicator_inputs as inputs on inputs.component_code = c.component_code
    join ref.components as catalogue on catalogue.code = c.component_code
    where c.value is null
    group by inputs.indicator_code, grid.region_code, grid.year
),

grid as (
    select distinct grid.region_code, grid.year, periods.base_year, periods.first_year
    from marts.panel_grid as grid
    left join marts.region_periods as periods on periods.region_code = grid.region_code
),

reasons as (
    select
        indicators.indicator_code,
        grid.region_code,
        grid.year,
        case
            when indicators.defined_from = 'first_year' and grid.year < grid.first_year
                then {'code': 'before_plan', 'reason': '规划首年（' || grid.first_year || '年）之前不计算'}
            when indicators.defined_from = 'after_base_year' and grid.year <= grid.base_year
                then {'code': 'before_plan', 'reason': '基期（' || grid.base_year || '年）及以前不计算'}
            when missing.inputs_missing is not null
                then {'code': 'input_missing', 'reason': '缺少输入：' || missing.inputs_missing}
            when indicators.otherwise_code is not null
                then {'code': indicators.otherwise_code, 'reason': indicators.otherwise_reason}
            else {'code': 'value_undefined', 'reason': '输入齐全，但按公式无法计算'}
        end as why
    from grid
    cross join indicators
    left join missing
        on missing.indicator_code = indicators.indicator_code
        and missing.region_code = grid.region_code
        and missing.year = grid.year
)

select indicator_code, region_code, year, why.code as reason_code, why.reason as reason
from reasons;

-- Two plans of one region targeting the same indicator would double its rows: the run stops and names them.
select error('plans ' || plans || ' of region ' || region_code || ' both target ' || indicator_code
             || '; give one plan per region (--plan) or remove one of the targets')
from (
    select plan.region_code, target.indicator_code, string_agg(plan.plan_id, ' and ' order by plan.plan_id) as plans
    from ref.plan_targets as target
    join ref.plans as plan on plan.plan_id = target.plan_id
    group by plan.region_code, target.indicator_code
    having count(*) > 1
);

create or replace table marts.panel as
with plan_targets as (
    select
        plan.region_code,
        target.indicator_code,
        target.target_value,
        target.direction,
        plan.base_year,
        plan.target_year
    from ref.plan_targets as target
    join ref.plans as plan on plan.plan_id = target.plan_id
),

panel_rows as (
    select region_code, year, indicator_code from marts.indicator_values
    union
    select plan_targets.region_code, years.year, plan_targets.indicator_code
    from plan_targets
    cross join marts.panel_years as years
),

valued as (
    select
        panel_rows.region_code,
        panel_rows.year,
        panel_rows.indicator_code,
        indicator_values.value,
        coalesce(indicator.unit, '') as unit,
        indicator.trajectory,
        case
            when indicator.code is null
                then {'code': 'indicator_undefined', 'reason': '指标尚无定义（jobs/indicators/ 中没有这一指标）'}
            when indicator_values.value is null
                then {'code': reasons.reason_code, 'reason': reasons.reason}
        end as null_reason
    from panel_rows
    left join marts.indicator_values as indicator_values
        on indicator_values.region_code = panel_rows.region_code
        and indicator_values.year = panel_rows.year
        and indicator_values.indicator_code = panel_rows.indicator_code
    left join ref.indicators as indicator on indicator.code = panel_rows.indicator_code
    left join marts.indicator_null_reasons as reasons
        on reasons.region_code = panel_rows.region_code
        and reasons.year = panel_rows.year
        and reasons.indicator_code = panel_rows.indicator_code
),

with_base as (
    select
        valued.*,
        plan_targets.target_value,
        plan_targets.direction,
        plan_targets.base_year,
        plan_targets.target_year,
        case
            when valued.trajectory = 'from_zero' then 0
            else base.value
        end as base_value
    from valued
    left join plan_targets
        on plan_targets.region_code = valued.region_code
        and plan_targets.indicator_code = valued.indicator_code
    left join marts.indicator_values as base
        on base.region_code = valued.region_code
        and base.indicator_code = valued.indicator_code
        and base.year = plan_targets.base_year
),

with_expected as (
    select
        *,
        case
            when target_value is null or year < base_year then null
            when trajectory = 'target' then target_value
            when year >= target_year then target_value
            else base_value + (target_value - base_value) * (year - base_year) / (target_year - base_year)
        end as expected_value
    from with_base
)

select
    region_code,
    year,
    indicator_code,
    value,
    unit,
    null_reason.reason as null_reason,
    null_reason.code as null_reason_code,
    target_value,
    expected_value,
    case
        when target_value is null then null
        when value is null then 'no_data'
        -- A tolerance of 1e-9 relative keeps a sum like 0.1 + 0.2 from missing a target of 0.3.
        when direction = 'at_least' and value >= target_value - 1e-9 * greatest(1, abs(target_value)) then 'achieved'
        when direction = 'at_most' and value <= target_value + 1e-9 * greatest(1, abs(target_value)) then 'achieved'
        when expected_value is null then 'behind'
        when direction = 'at_least' and value >= expected_value - 1e-9 * greatest(1, abs(expected_value)) then 'on_track'
        when direction = 'at_most' and value <= expected_value + 1e-9 * greatest(1, abs(expected_value)) then 'on_track'
        else 'behind'
    end as status
from with_expected;

-- One row per region, year and indicator: every reader and the run's comparison with the last panel rely on it.
select error('marts.panel holds ' || rows || ' rows for region ' || region_code || ', year ' || year || ', '
             || indicator_code || ': the panel grid lists a region twice')
from (
    select region_code, year, indicator_code, count(*) as rows
    from marts.panel
    group by region_code, year, indicator_code
    having count(*) > 1
    limit 1
);

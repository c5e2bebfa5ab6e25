/*
description: '指标值为空的原因 / Why an indicator value is NULL'
reads: [marts.components, marts.panel_grid, marts.region_periods, ref.components, ref.indicators]
by_city: region_code
columns:
  indicator_code: '指标代码 / Indicator code'
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  reason_code: '原因代码（稳定，可分组；见 ref.reason_codes） / Stable code of the reason, to group by (see ref.reason_codes)'
  reason: '原因（中文） / Reason, in Chinese'
checks:
  # one row per indicator, region and year: marts.panel's unique check, whose rows join these, holds it
  not_null: [indicator_code, region_code, year, reason_code, reason]
*/
-- Why a value is NULL, in Chinese with a stable code (jobs/reference/reason_codes.csv, applies_to value), for every
-- indicator, region and year: before the plan where the indicator starts later (its defined_from); else the inputs
-- missing in that region and year, each with why (marts.components.origin); else its undefined_when. The missing
-- components are aggregated per indicator, region and year in one pass, then joined to the grid and every indicator.
with indicators as (
    select code as indicator_code, defined_from, undefined_code as otherwise_code, undefined_reason as otherwise_reason
    from ref.indicators
),

indicator_inputs as (
    select distinct indicator_code, component_code
    from (
        select code as indicator_code, unnest(string_split(inputs, ',')) as component_code
        from ref.indicators
        where inputs <> ''
    )
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
from reasons

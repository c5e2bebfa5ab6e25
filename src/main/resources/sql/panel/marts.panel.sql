/*
description: '指标面板（含规划目标、预期值与状态） / The indicator panel with plan target, expected value and status'
reads: [marts.indicator_null_reasons, marts.indicator_values, marts.panel_years, ref.indicators, ref.plan_targets, ref.plans]
by_city: region_code
columns:
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  indicator_code: '指标代码 / Indicator code'
  value: '指标值；输入缺失时为空（不为0） / Value; NULL, never 0, when an input is missing'
  unit: '计量单位 / Unit'
  null_reason: '值为空的原因（中文） / Why the value is NULL, in Chinese'
  null_reason_code: '值为空的原因代码（稳定，可分组；见 ref.reason_codes） / Stable code of why the value is NULL, to group by (see ref.reason_codes)'
  target_value: '规划目标值（仅规划地区） / Plan target, for a plan''s region'
  expected_value: '按轨迹的预期值：基期值+(目标−基期值)×(年−基期)/(目标年−基期) / Expected value on the trajectory: base + (target − base) × (Y − base year) / (target year − base year)'
  status: 'achieved 已达标、on_track 符合进度、behind 落后、no_data 无数据 / achieved, on_track, behind or no_data'
checks:
  # One row per region, year and indicator: every reader and the run's comparison with the last panel rely on it.
  unique: [region_code, year, indicator_code]
  not_null: [region_code, year, indicator_code, unit]
  accepted_values:
    status: [achieved, on_track, behind, no_data]
*/
-- The plan's target for each region and indicator, the expected value on its trajectory and the status (docs/panel.md).
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

-- Every indicator value, and a row without one where a plan sets a target for a year the values lack (a value's own
-- row carries it: joining the values back onto a union of their keys cost a join of 800,000 rows nationally).
panel_rows as (
    select region_code, year, indicator_code, value from marts.indicator_values
    union all
    select plan_targets.region_code, years.year, plan_targets.indicator_code, null as value
    from plan_targets
    cross join marts.panel_years as years
    where not exists (
        select 1 from marts.indicator_values as v
        where v.region_code = plan_targets.region_code and v.year = years.year
            and v.indicator_code = plan_targets.indicator_code
    )
),

valued as (
    select
        panel_rows.region_code,
        panel_rows.year,
        panel_rows.indicator_code,
        panel_rows.value,
        coalesce(indicator.unit, '') as unit,
        indicator.trajectory,
        case
            when indicator.code is null
                then {'code': 'indicator_undefined', 'reason': '指标尚无定义（jobs/indicators/ 中没有这一指标）'}
            when panel_rows.value is null
                then {'code': reasons.reason_code, 'reason': reasons.reason}
        end as null_reason
    from panel_rows
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
from with_expected

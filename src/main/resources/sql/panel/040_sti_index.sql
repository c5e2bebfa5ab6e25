-- 科技创新指数（非官方） / Composite S&T innovation index, unofficial: Zhejiang's weights are not public (docs/panel.md).
-- Method (README "The workbook", sheet 指标说明):
--   indicators: every indicator some plan of the run targets whose trajectory is linear (levels and ratios that have
--     a base-year value; cumulative sums start after the base year and the gap/CAGR are relative already);
--   score: min–max over the counties of the same city and all panel years present, mapped to 60..100
--     (功效系数法: 60 + 40 × (v − min) / (max − min), reversed for an at_most target), so that the weakest county
--     in the base year still scores above zero; an indicator with max = min carries no information and is left out;
--   composite: the equal-weight mean of the scores the county has both in year Y and in its base year;
--   index: composite(Y) / composite(base year) × 100, so the base year = 100.

create or replace table marts.sti_index_scores as
with chosen as (
    select
        target.indicator_code,
        bool_or(target.direction = 'at_most') as lower_is_better
    from ref.plan_targets as target
    join ref.indicators as indicator on indicator.code = target.indicator_code
    where indicator.trajectory = 'linear'
    group by target.indicator_code
),

county_values as (
    select
        region.city_code,
        v.region_code,
        v.year,
        v.indicator_code,
        v.value,
        chosen.lower_is_better
    from marts.indicator_values as v
    join chosen on chosen.indicator_code = v.indicator_code
    join marts.panel_regions as panel_region on panel_region.region_code = v.region_code and panel_region.level = 'county'
    join ref.regions as region on region.code = v.region_code
    where v.value is not null
        and v.year in (select year from marts.panel_years)
),

ranges as (
    select city_code, indicator_code, min(value) as low, max(value) as high
    from county_values
    group by city_code, indicator_code
)

select
    county_values.city_code,
    county_values.region_code,
    county_values.year,
    county_values.indicator_code,
    county_values.value,
    ranges.low,
    ranges.high,
    60 + 40 * case
        when county_values.lower_is_better then (ranges.high - county_values.value)
        else (county_values.value - ranges.low)
    end / (ranges.high - ranges.low) as score
from county_values
join ranges on ranges.city_code = county_values.city_code and ranges.indicator_code = county_values.indicator_code
where ranges.high > ranges.low;

create or replace table marts.sti_index as
with paired as (
    select
        score.region_code,
        score.year,
        score.indicator_code,
        score.score,
        base.score as base_score
    from marts.sti_index_scores as score
    join marts.region_periods as period on period.region_code = score.region_code
    join marts.sti_index_scores as base
        on base.region_code = score.region_code
        and base.indicator_code = score.indicator_code
        and base.year = period.base_year
)

select
    grid.region_code,
    grid.year,
    period.base_year,
    -- Means of doubles taken in a fixed order (by indicator): DuckDB's avg adds them in whatever order its threads
    -- deliver them, and the last bits of the index changed from run to run.
    100 * list_avg(list(paired.score order by paired.indicator_code))
        / list_avg(list(paired.base_score order by paired.indicator_code)) as value,
    count(paired.indicator_code) as indicators_used,
    coalesce(string_agg(paired.indicator_code, ',' order by paired.indicator_code), '') as indicators
from marts.panel_grid as grid
join marts.region_periods as period on period.region_code = grid.region_code
left join paired on paired.region_code = grid.region_code and paired.year = grid.year
where grid.level = 'county'
group by grid.region_code, grid.year, period.base_year;

comment on table marts.sti_index_scores is '科技创新指数（非官方）各指标得分：同市各县、各年份内极差标准化，映射至60—100 / Unofficial S&T index: each indicator''s min–max score over the city''s counties and years, mapped to 60..100';
comment on column marts.sti_index_scores.city_code is '所属市代码（标准化范围） / City whose counties form the normalisation range';
comment on column marts.sti_index_scores.region_code is '县代码 / County code';
comment on column marts.sti_index_scores.year is '年份 / Year';
comment on column marts.sti_index_scores.indicator_code is '指标代码 / Indicator code';
comment on column marts.sti_index_scores.value is '指标值 / Indicator value';
comment on column marts.sti_index_scores.low is '同市各县各年最小值 / Minimum over the city''s counties and years';
comment on column marts.sti_index_scores.high is '同市各县各年最大值 / Maximum over the city''s counties and years';
comment on column marts.sti_index_scores.score is '得分 = 60 + 40 × (值 − 最小值) / (最大值 − 最小值)（at_most 指标反向） / Score 60 + 40 × (v − min) / (max − min), reversed for an at_most target';
comment on table marts.sti_index is '科技创新指数（非官方）：等权平均得分，基期 = 100 / Unofficial S&T index: equal-weight mean score, base year = 100';
comment on column marts.sti_index.region_code is '县代码 / County code';
comment on column marts.sti_index.year is '年份 / Year';
comment on column marts.sti_index.base_year is '基期年（= 100） / Base year, = 100';
comment on column marts.sti_index.value is '指数：当年平均得分 ÷ 基期平均得分 × 100（同一组指标）；无可比指标时为空 / Index: mean score of Y ÷ mean score of the base year × 100 over the same indicators; NULL when none is comparable';
comment on column marts.sti_index.indicators_used is '参与计算的指标数 / Number of indicators used';
comment on column marts.sti_index.indicators is '参与计算的指标代码 / Codes of the indicators used';

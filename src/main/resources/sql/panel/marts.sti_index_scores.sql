/*
description: '科技创新指数（非官方）各指标得分：同市各县、各年份内极差标准化，映射至60—100 / Unofficial S&T index: each indicator''s min–max score over the city''s counties and years, mapped to 60..100'
reads: [marts.indicator_values, marts.panel_regions, marts.panel_years, ref.indicators, ref.plan_targets, ref.regions]
by_city: region_code
columns:
  city_code: '所属市代码（标准化范围） / City whose counties form the normalisation range'
  region_code: '县代码 / County code'
  year: '年份 / Year'
  indicator_code: '指标代码 / Indicator code'
  value: '指标值 / Indicator value'
  low: '同市各县各年最小值 / Minimum over the city''s counties and years'
  high: '同市各县各年最大值 / Maximum over the city''s counties and years'
  score: '得分 = 60 + 40 × (值 − 最小值) / (最大值 − 最小值)（at_most 指标反向） / Score 60 + 40 × (v − min) / (max − min), reversed for an at_most target'
checks:
  not_null: [city_code, region_code, year, indicator_code, score]
*/
-- 科技创新指数（非官方） / Composite S&T innovation index, unofficial: Zhejiang's weights are not public (docs/panel.md).
-- Method (README "The workbook", sheet 指标说明):
--   indicators: every indicator some plan of the run targets whose trajectory is linear (levels and ratios that have
--     a base-year value; cumulative sums start after the base year and the gap/CAGR are relative already);
--   score: min–max over the counties of the same city and all panel years present, mapped to 60..100
--     (功效系数法: 60 + 40 × (v − min) / (max − min), reversed for an at_most target), so that the weakest county
--     in the base year still scores above zero; an indicator with max = min carries no information and is left out;
--   composite: the equal-weight mean of the scores the county has both in year Y and in its base year (marts.sti_index);
--   index: composite(Y) / composite(base year) × 100, so the base year = 100.
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
where ranges.high > ranges.low

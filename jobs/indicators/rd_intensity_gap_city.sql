/*
code: RD_INTENSITY_GAP_CITY
name_zh: 全社会R&D经费支出占GDP比重与全市平均差距
name_en: Gap of R&D intensity to the city's
unit: 百分点
formula: RD_INTENSITY(县) − RD_INTENSITY(所属市)，市值为各县之和之比
inputs: [RD_EXP, GDP]
undefined_when:
  code: city_input_missing
  reason: 所属市的 R&D经费支出 RD_EXP 或地区生产总值 GDP 缺失（既无全市数，所辖各县也不齐全）
trajectory: target
source: 统计局 R&D经费支出、地区生产总值（县与市）
reads: [marts.components_wide, ref.regions]
*/
-- 与全市平均差距 = RD_INTENSITY(county) − RD_INTENSITY(its city); the city's intensity is a ratio of sums.
with intensity as (
    select
        region_code,
        level,
        year,
        rd_exp / nullif(gdp, 0) * 100 as value
    from marts.components_wide
)

select
    county.region_code,
    county.year,
    county.value - city.value as value
from intensity as county
join ref.regions as region on region.code = county.region_code
join intensity as city on city.region_code = region.city_code and city.year = county.year
where county.level = 'county'

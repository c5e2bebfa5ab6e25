/*
description: '面板每个地区、年份的全部输入量；市级按规则取官方数或所辖县之和 / Every component for every panel region and year; a city''s by its rule (official figure or sum of counties)'
reads: [marts.panel_grid, marts.panel_regions, marts.panel_years, marts.reported_components, ref.components, ref.regions]
by_city: region_code
columns:
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  component_code: '输入量代码 / Component code'
  value: '数值（标准单位，DECIMAL 精确值，比率在指标中才计算），缺失为空 / Value in the canonical unit, an exact DECIMAL until an indicator takes a ratio; NULL when missing'
  origin: '取值来源，或缺失原因（中文：未报送、发布为“…”、所辖县缺数） / Origin of the value, or why it is missing (in Chinese: not delivered, published as "…", counties lacking)'
checks:
  unique: [region_code, year, component_code]
  not_null: [region_code, year, component_code, origin]
*/
-- Every input of every indicator for every panel region and year, from the components the sources report
-- (marts.reported_components). A city takes its official figure where the statistics carry one, else the sum over ALL
-- its counties (NULL when any lacks it); a count is summed over its counties. Where a value is missing, origin says
-- why in Chinese: the panel's null reasons quote it.
-- Components are DECIMAL(38, 10), exact, until an indicator takes its ratio: a sum of doubles depends on the order
-- DuckDB's threads add them in (5.553509999999999 one run, 5.55351 the next), a DECIMAL sum does not. A delivered
-- value (a double nearest its decimal text) converts back to that decimal: ten places hold 0.000001 元 in 万元.
-- grid and county_values are read twice; DuckDB would compute each once for every region (materialised), so a night
-- that replaces a few cities' rows (by_city) would still compute all of them: inlined, the region filter reaches them
-- (5 regions of 3,317: 0.60-0.68 -> 0.49-0.51 s; a whole build 0.84-0.88 -> 0.91-0.92 s).
with grid as not materialized (
    select grid.region_code, grid.level, grid.year, catalogue.code as component_code, catalogue.city_rule
    from marts.panel_grid as grid
    cross join ref.components as catalogue
),

county_values as not materialized (
    select
        grid.region_code,
        grid.year,
        grid.component_code,
        cast(reported.value as decimal(38, 10)) as value,
        case
            when reported.component_code is null then '未报送'
            when reported.value is null then '发布为“…”，无此数据'
            else reported.origin
        end as origin
    from grid
    left join marts.reported_components as reported
        on reported.region_code = grid.region_code
        and reported.year = grid.year
        and reported.component_code = grid.component_code
    where grid.level = 'county'
),

-- The counties of the panel's cities (all of them, in the panel or not), before crossing them with years and
-- components.
city_counties as (
    select county.city_code, county.code as county_code, county.name as county_name
    from ref.regions as county
    where county.level = 'county'
        and county.city_code in (select region_code from marts.panel_regions where level = 'city')
),

city_sums as (
    select
        city_counties.city_code as region_code,
        years.year,
        catalogue.code as component_code,
        sum(county_values.value) as value,
        count(*) as counties,
        count(county_values.value) as counties_with_value,
        string_agg(city_counties.county_code || ' ' || city_counties.county_name, '、'
            order by city_counties.county_code) filter (where county_values.value is null) as counties_lacking
    from city_counties
    cross join marts.panel_years as years
    cross join ref.components as catalogue
    left join county_values
        on county_values.region_code = city_counties.county_code
        and county_values.year = years.year
        and county_values.component_code = catalogue.code
    group by city_counties.city_code, years.year, catalogue.code
),

city_values as (
    select
        grid.region_code,
        grid.year,
        grid.component_code,
        cast(official.value as decimal(38, 10)) as official_value,
        case
            when grid.city_rule = 'sum_counties' or city_sums.counties_with_value = city_sums.counties
                then city_sums.value
        end as counties_value,
        city_sums.counties_lacking
    from grid
    left join marts.reported_components as official
        on official.region_code = grid.region_code
        and official.year = grid.year
        and official.component_code = grid.component_code
    left join city_sums
        on city_sums.region_code = grid.region_code
        and city_sums.year = grid.year
        and city_sums.component_code = grid.component_code
    where grid.level = 'city'
)

select region_code, year, component_code, value, origin from county_values
union all
select
    region_code,
    year,
    component_code,
    coalesce(official_value, counties_value) as value,
    case
        when official_value is not null then 'official city figure'
        when counties_value is not null then 'sum of counties'
        else '无全市数，所辖县缺数：' || counties_lacking
    end as origin
from city_values

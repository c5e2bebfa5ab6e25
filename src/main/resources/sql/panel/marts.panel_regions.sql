/*
description: '面板地区：数据中的县、规划所属县及其所属市 / Panel regions: counties in the data or with a plan, and their cities'
reads: [marts.certification_placements, marts.patents_current, marts.statistics_current, ref.plans, ref.regions, staging.roster_current]
columns:
  region_code: '地区代码 / Region code'
  level: 'county 县级、city 地级 / county or city'
checks:
  unique: [region_code]
  not_null: [region_code, level]
  accepted_values:
    level: [county, city]
*/
-- Counties in the data (and plan regions) and their cities. The in_data CTE takes the regions of every source as its
-- staging.<source>_regions view does, from the current rows this build took once (a new source adds its own).
with in_data as (
    -- staging.statistics_regions, staging.patents_regions and staging.enterprises_regions, over this build's rows
    select region_code from marts.statistics_current
    union all
    select region_code from marts.patents_current
    union all
    select region_code from marts.certification_placements where region_code is not null
    union all
    select region_code from staging.roster_current
),

counties as (
    select distinct region.code as region_code
    from in_data
    join ref.regions as region on region.code = in_data.region_code
    where region.level = 'county'
    union
    select plan.region_code
    from ref.plans as plan
    join ref.regions as region on region.code = plan.region_code
    where region.level = 'county'
),

-- A city without counties (东莞 441900, 中山 442000, 儋州 460400) is its own county in GB/T 2260: one row of the
-- panel under its code, not a county row and a city row with the same key (the cumulative indicators then summed
-- both, and which of the two a rerun compared with which was arbitrary).
cities as (
    select distinct region.city_code as region_code
    from counties
    join ref.regions as region on region.code = counties.region_code
    where region.city_code not in (select region_code from counties)
)

select region_code, 'county' as level from counties
union all
select region_code, 'city' as level from cities

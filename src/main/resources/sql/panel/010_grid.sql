-- The panel's rows: counties in the data (and plan regions), their cities, and every year from the earliest to
-- the latest year in the statistics. The in_data CTE takes the regions of every source as its
-- staging.<source>_regions view does, from the current rows this build took once (a new source adds its own).

-- The version of every statistic that counts as of the run's as-of date (--as-of, in ops.run_settings; NULL for all
-- data), computed once per build: staging.statistics_as_of ranks every version with a window on each read, and the
-- build reads it several times. This table is what the last build used; staging.statistics_current is current.
create or replace table marts.statistics_current as
select * from staging.statistics_as_of((select as_of from ops.run_settings));

-- Likewise the patent rows (staging.patents_as_of ranks every row per application number) and the certificates with
-- the county they count in (staging.certification_placements_as_of ranks the certificates and joins the registry as
-- of the date, which ranks every registry row per enterprise): the build reads each several times.
-- Of the patents only the columns the build reads: the window carries every column taken through its sort, and
-- the texts it does not read (title, applicant, …) would treble the time.
create or replace table marts.patents_current as
select
    application_no,
    region_code,
    patent_type,
    is_pct,
    application_date,
    grant_date,
    lapse_date,
    legal_status,
    main_ipc,
    overseas_family,
    pledge_amount_wan,
    awards,
    data_cutoff,
    content_hash,
    sheet,
    row_number
from staging.patents_as_of((select as_of from ops.run_settings));

create or replace table marts.certification_placements as
select * from staging.certification_placements_as_of((select as_of from ops.run_settings));

create or replace table marts.panel_years as
select cast(unnest(range(min(year), max(year) + 1)) as integer) as year
from marts.statistics_current;

create or replace table marts.panel_regions as
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
select region_code, 'city' as level from cities;

create or replace table marts.panel_grid as
select regions.region_code, regions.level, years.year
from marts.panel_regions as regions
cross join marts.panel_years as years;

-- Plan period per region: its own plan's, else the shipped plan period (every Zhejiang county shares 2023–2027).
create or replace table marts.region_periods as
with default_period as (
    select base_year, first_year, target_year from ref.plans order by plan_id limit 1
)

select
    regions.region_code,
    coalesce(plan.plan_id, null) as plan_id,
    coalesce(plan.base_year, default_period.base_year) as base_year,
    coalesce(plan.first_year, default_period.first_year) as first_year,
    coalesce(plan.target_year, default_period.target_year) as target_year
from marts.panel_regions as regions
cross join default_period
left join ref.plans as plan on plan.region_code = regions.region_code;

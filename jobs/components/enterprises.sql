/*
model: marts.enterprise_components
description: '各县各年末认定企业数（家）与规上工业企业名录数（家） / Certified enterprises per county and year end, and roster counts, in 家'
reads: [marts.certification_placements, marts.panel_grid, marts.panel_years, staging.certification_year_ends_of, staging.roster_current]
checks:
  unique: [region_code, year, component_code]
  not_null: [region_code, year, component_code, origin]
  accepted_values:
    component_code: [HTE_COUNT, TECH_SME_COUNT, SRDI_COUNT, TECH_SERVICE_ORGS, ROSTER_FIRMS, ROSTER_FIRMS_WITH_RD_INST]
*/
-- Counts of the certification lists (docs/source-rules.md "Enterprises") and the roster's R&D-institution coverage (docs/panel.md), per county and
-- year of the panel grid. A count is of distinct enterprises at Y-12-31; it is 0 where lists were delivered and no
-- certificate qualifies, and absent (NULL) when no list was delivered. A yearly count (TECH_SME_COUNT, by 认定年度) is
-- absent for a year no delivered row of its category covers, in any region: a list of 2023–2024 says nothing of
-- 2022 (docs/source-rules.md "Enterprises"). An enterprise is its credit code, or, for a list row that matched no registry name, its
-- normalised name (docs/sources.md). Cities sum their counties (components.csv).
with counties as (
    select region_code, year from marts.panel_grid where level = 'county'
),

lists_delivered as (
    select count(*) > 0 as delivered from marts.certification_placements
),

count_components(component_code) as (
    values ('HTE_COUNT'), ('TECH_SME_COUNT'), ('SRDI_COUNT'), ('TECH_SERVICE_ORGS')
),

tech_sme_years as (
    select distinct certification_year as year
    from marts.certification_placements
    where component_code = 'TECH_SME_COUNT'
),

counted as (
    select counted_in as region_code, year, component_code, count(distinct enterprise_key) as enterprises
    from staging.certification_year_ends_of('marts.certification_placements', 'marts.panel_years')
    where counted_in is not null
    group by counted_in, year, component_code
),

certification_counts as (
    select
        counties.region_code,
        counties.year,
        count_components.component_code,
        coalesce(counted.enterprises, 0) as value,
        'certification lists' as origin
    from counties
    cross join count_components
    cross join lists_delivered
    left join counted
        on counted.region_code = counties.region_code
        and counted.year = counties.year
        and counted.component_code = count_components.component_code
    where lists_delivered.delivered
        and (count_components.component_code <> 'TECH_SME_COUNT'
             or counties.year in (select year from tech_sme_years))
),

valid_rd_institutions as (
    select distinct uscc, year
    from staging.certification_year_ends_of('marts.certification_placements', 'marts.panel_years')
    where component_code = 'RD_INST' and certificate_valid
),

roster_coverage as (
    select
        roster.region_code,
        roster.year,
        count(*) as roster_firms,
        count(*) filter (
            where roster.has_rd_institution or valid_rd_institutions.uscc is not null
        ) as roster_firms_with_rd_inst
    from staging.roster_current as roster
    left join valid_rd_institutions
        on valid_rd_institutions.uscc = roster.uscc and valid_rd_institutions.year = roster.year
    group by roster.region_code, roster.year
)

select region_code, year, component_code, value, origin from certification_counts
union all
select counties.region_code, counties.year, 'ROSTER_FIRMS', roster_coverage.roster_firms, 'above-scale roster'
from counties
join roster_coverage on roster_coverage.region_code = counties.region_code and roster_coverage.year = counties.year
union all
select counties.region_code, counties.year, 'ROSTER_FIRMS_WITH_RD_INST', roster_coverage.roster_firms_with_rd_inst,
    'above-scale roster and 企业研发机构 list'
from counties
join roster_coverage on roster_coverage.region_code = counties.region_code and roster_coverage.year = counties.year

/*
model: marts.patent_components
description: '各县各年末有效发明专利与高价值发明专利件数（件） / Valid and high-value invention patents per county and year end, in 件'
reads: [marts.panel_grid, marts.panel_years, marts.patents_current, staging.patent_year_end_of]
checks:
  unique: [region_code, year, component_code]
  not_null: [region_code, year, component_code, origin]
  accepted_values:
    component_code: [VALID_INV_PATENTS, HV_INV_PATENTS]
*/
-- 有效发明专利 and 高价值发明专利 per county and year end (docs/source-rules.md "Patents"), counted over the year ends main.patent_year_end
-- shows, taken of the build's marts.patents_current.
-- Once any patent extract is visible, a county-year with no qualifying patent counts 0; before, no rows (NULL).
with delivered as (
    select count(*) > 0 as any_delivered from marts.patents_current
),

-- Only valid patents count (a high-value one is valid): filtered, the patent type's part of it reaches the patents
-- before they are crossed with the years. A county-year without one has no row here and counts 0 below.
counted as (
    select
        region_code,
        year,
        count(*) as valid_inv_patents,
        count(*) filter (where high_value) as hv_inv_patents
    from staging.patent_year_end_of('marts.patents_current', 'marts.panel_years')
    where valid
    group by region_code, year
),

county_years as (
    select grid.region_code, grid.year, counted.valid_inv_patents, counted.hv_inv_patents
    from marts.panel_grid as grid
    left join counted on counted.region_code = grid.region_code and counted.year = grid.year
    where grid.level = 'county' and (select any_delivered from delivered)
)

select region_code, year, 'VALID_INV_PATENTS' as component_code, coalesce(valid_inv_patents, 0) as value,
    'patent extracts' as origin
from county_years
union all
select region_code, year, 'HV_INV_PATENTS' as component_code, coalesce(hv_inv_patents, 0) as value,
    'patent extracts' as origin
from county_years

-- VALID_INV_PATENTS (有效发明专利拥有量, 件) of every county-year of the panel, in Spark SQL over the Parquet export.
-- DuckDB's definition: jobs/components/patents.sql over sql/panel/015_patents.sql (main.patent_year_end) and the
-- current row per application number (sql/warehouse/050_patents.sql: the latest 数据截止日期, then the later delivery,
-- then the later sheet and row; a 失效 without a lapse date lapsed by the earliest date an older extract gives it,
-- else by its extract's cut-off). Valid at a year end: an invention, granted by then, not lapsed by then, and within
-- its 20-year term. A county-year with no valid patent counts 0 once any patent extract is delivered.
with ranked as (
    select p.*, row_number() over (partition by p.application_no
        order by p.data_cutoff desc, d.delivery_id desc, p.sheet desc nulls last, p.`row_number` desc) as version_rank
    from patent_rows as p
    join deliveries as d on d.content_hash = p.content_hash and d.status = 'loaded'
),

lapsed_earlier as (
    select application_no, min(coalesce(lapse_date, data_cutoff)) as lapsed_by
    from ranked
    where version_rank > 1 and legal_status = '失效'
    group by application_no
),

current_patents as (
    select ranked.application_no, ranked.region_code, ranked.patent_type, ranked.grant_date,
        ranked.application_date,
        case
            when ranked.lapse_date is null and ranked.legal_status = '失效'
                then least(lapsed_earlier.lapsed_by, ranked.data_cutoff)
            else ranked.lapse_date
        end as lapse_date
    from ranked
    left join lapsed_earlier on lapsed_earlier.application_no = ranked.application_no
    where ranked.version_rank = 1
),

counted as (
    select grid.region_code, grid.year, count(p.application_no) as valid_inv_patents
    from panel_county_years as grid
    join current_patents as p
        on p.region_code = grid.region_code
        and p.patent_type = '发明'
        and p.grant_date <= make_date(grid.year, 12, 31)
        and not coalesce(p.lapse_date <= make_date(grid.year, 12, 31), false)
        and add_months(p.application_date, 240) > make_date(grid.year, 12, 31)
    group by grid.region_code, grid.year
)

select grid.region_code, grid.year,
    case when (select count(*) from current_patents) > 0 then coalesce(counted.valid_inv_patents, 0) end as value
from panel_county_years as grid
left join counted on counted.region_code = grid.region_code and counted.year = grid.year

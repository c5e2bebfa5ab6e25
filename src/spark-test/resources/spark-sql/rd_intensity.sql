-- RD_INTENSITY (全社会R&D经费支出占GDP比重, %) of every county-year of the panel, in Spark SQL over the Parquet export.
-- DuckDB's definition: jobs/indicators/rd_intensity.sql over the current statistics (sql/warehouse/030_statistics.sql:
-- per statistic, region and year the version with the latest 发布日期, then the later 数据状态, then the later
-- delivery, then the later sheet and row).
with versions as (
    select
        v.stat_code, v.region_code, v.year, v.value, v.published_on, v.sheet, v.`row_number`,
        case v.status when '初步核算' then 1 when '初步核实' then 2 when '最终核实' then 3 when '普查修订' then 4 else 0 end
            as status_rank,
        d.delivery_id
    from statistic_versions as v
    join deliveries as d on d.content_hash = v.content_hash and d.status = 'loaded'
    where v.stat_code in ('RD_EXP', 'GDP')
),

ranked as (
    select *, row_number() over (partition by stat_code, region_code, year
        order by published_on desc, status_rank desc, delivery_id desc, sheet desc nulls last, `row_number` desc)
        as version_rank
    from versions
),

wide as (
    select region_code, year,
        max(case when stat_code = 'RD_EXP' then value end) as rd_exp,
        max(case when stat_code = 'GDP' then value end) as gdp
    from ranked
    where version_rank = 1
    group by region_code, year
)

select grid.region_code, grid.year, wide.rd_exp / nullif(wide.gdp, 0) * 100 as value
from panel_county_years as grid
left join wide on wide.region_code = grid.region_code and wide.year = grid.year

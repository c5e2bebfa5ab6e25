-- HTE_COUNT (高新技术企业数, 家) of every county-year of the panel, in Spark SQL over the Parquet export.
-- DuckDB's definition: jobs/components/enterprises.sql over sql/panel/016_enterprises.sql and
-- sql/warehouse/060_enterprises.sql. A certificate delivered again counts once (the latest delivery); it counts in
-- the county of the registry's address, else the list's county, else characters 3–8 of the credit code; at a year end
-- it counts when certified by then, not revoked by then and not expired, and the enterprise (when the registry holds
-- it) was established and not 注销/吊销/撤销/迁出 by then. Distinct enterprises; 0 once any list is delivered.
-- Not restated here: a list row without a credit code, which DuckDB matches to the registry by name
-- (staging.certifications_as_of); the national synthetic delivery has none, every row names its credit code.
with certificates as (
    select c.*, row_number() over (
        partition by c.uscc, c.category, coalesce(c.certificate_no, ''),
            coalesce(c.certified_on, make_date(c.certification_year, 1, 1))
        order by d.delivery_id desc, c.sheet desc nulls last, c.`row_number` desc) as version_rank
    from certifications as c
    join deliveries as d on d.content_hash = c.content_hash and d.status = 'loaded'
),

registry as (
    select r.*, row_number() over (partition by r.uscc
        order by r.data_cutoff_on desc, d.delivery_id desc, r.sheet desc nulls last, r.`row_number` desc)
        as version_rank
    from registry_entries as r
    join deliveries as d on d.content_hash = r.content_hash and d.status = 'loaded'
),

placed as (
    select
        c.uscc, c.component_code, c.certified_on, c.revoked_on, c.valid_until,
        e.uscc is not null as in_registry, e.established_on, e.registration_status, e.status_changed_on,
        coalesce(e.region_code, list_region.code, credit_region.code) as region_code
    from certificates as c
    left join registry as e on e.uscc = c.uscc and e.version_rank = 1
    left join regions as list_region on list_region.code = c.region_code and list_region.level = 'county'
    left join regions as credit_region on credit_region.code = substr(c.uscc, 3, 6) and credit_region.level = 'county'
    where c.version_rank = 1
),

counted as (
    select grid.region_code, grid.year, count(distinct p.uscc) as enterprises
    from panel_county_years as grid
    join placed as p
        on p.region_code = grid.region_code
        and p.component_code = 'HTE_COUNT'
        and not coalesce(p.certified_on > make_date(grid.year, 12, 31), false)
        and not coalesce(p.revoked_on <= make_date(grid.year, 12, 31), false)
        and not coalesce(p.valid_until < make_date(grid.year, 12, 31), false)
        and not (p.in_registry and (
            coalesce(p.established_on > make_date(grid.year, 12, 31), false)
            or (p.registration_status in ('注销', '吊销', '撤销', '迁出')
                and coalesce(p.status_changed_on <= make_date(grid.year, 12, 31), false))))
    group by grid.region_code, grid.year
)

select grid.region_code, grid.year,
    case when (select count(*) from certificates) > 0 then coalesce(counted.enterprises, 0) end as value
from panel_county_years as grid
left join counted on counted.region_code = grid.region_code and counted.year = grid.year

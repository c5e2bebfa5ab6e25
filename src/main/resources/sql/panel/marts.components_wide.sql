/*
description: '输入量宽表：每个地区、年份一行，每个输入量一列（指标SQL从此取数） / Components pivoted: one row per region and year, one column per component; the indicator SQL reads this'
reads: [marts.components, marts.panel_grid, ref.components]
checks:
  unique: [region_code, year]
  not_null: [region_code, level, year]
columns:
  region_code: '地区代码 / Region code'
  level: 'county 县级、city 地级 / county or city'
  year: '年份 / Year'
*/
-- One column per component of ref.components, named by its code in lower case, whatever the data holds: the catalogue
-- is crossed with the grid (kept even when the grid is empty), so that every indicator's query finds its columns.
select *
from (
    pivot (
        select grid.region_code, grid.level, grid.year, lower(catalogue.code) as component, c.value
        from ref.components as catalogue
        left join marts.panel_grid as grid on true
        left join marts.components as c
            on c.region_code = grid.region_code
            and c.year = grid.year
            and c.component_code = catalogue.code
    )
    on component
    using max(value)
    group by region_code, level, year
)
where region_code is not null

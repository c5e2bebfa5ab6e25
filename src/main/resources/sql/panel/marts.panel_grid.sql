/*
description: '面板网格：地区×年份 / Panel grid: every region and year'
reads: [marts.panel_regions, marts.panel_years]
columns:
  region_code: '地区代码 / Region code'
  level: 'county 县级、city 地级 / county or city'
  year: '年份 / Year'
checks:
  unique: [region_code, year]
  not_null: [region_code, level, year]
*/
select regions.region_code, regions.level, years.year
from marts.panel_regions as regions
cross join marts.panel_years as years

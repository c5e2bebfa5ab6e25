/*
description: '输入量宽表：每个地区、年份一行，每个输入量一列（指标SQL从此取数） / Components pivoted: one row per region and year, one column per component; the indicator SQL reads this'
generated: component_columns
by_city: region_code
checks:
  unique: [region_code, year]
  not_null: [region_code, level, year]
columns:
  region_code: '地区代码 / Region code'
  level: 'county 县级、city 地级 / county or city'
  year: '年份 / Year'
*/

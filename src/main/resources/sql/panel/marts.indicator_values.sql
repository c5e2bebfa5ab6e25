/*
description: '各指标SQL的计算结果 / Values computed by the indicator SQL files'
generated: indicator_union
by_city: region_code
checks:
  # unique per indicator, region and year: marts.panel's check, whose rows join these, would fail first otherwise
  not_null: [indicator_code, region_code, year]
columns:
  indicator_code: '指标代码 / Indicator code'
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  value: '指标值（指标单位） / Value in the indicator''s unit'
*/


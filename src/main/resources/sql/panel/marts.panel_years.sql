/*
description: '面板年份：统计数据中最早至最晚年份 / Panel years: from the earliest to the latest year in the statistics'
reads: [marts.statistics_current, staging.panel_years_of]
columns:
  year: '年份 / Year'
checks:
  unique: [year]
  not_null: [year]
*/
select * from staging.panel_years_of('marts.statistics_current')

/*
description: '本次构建所用的各统计指标版本（截至该次运行的截止日期，见 runs.as_of；即当时 staging.statistics_as_of 的结果） / The version of each statistic the last build counted, as of that run''s as-of date (runs.as_of): staging.statistics_as_of of that date when the panel was built'
reads: [ops.run_settings, staging.statistics_as_of]
by_city: region_code
columns:
  stat_code: '基础统计指标代码（见 ref.base_statistics） / Base statistic code, see ref.base_statistics'
  region_code: '地区代码（GB/T 2260 六位） / Six-digit GB/T 2260 region code'
  year: '数据年份 / Year the figure is for'
  value: '数值（标准单位）；发布为“…”时为空 / Value in the canonical unit; NULL where “…” (not available) was published'
  status: '数据状态 / Publication status'
  published_on: '发布日期 / Publication date of this version'
  content_hash: '来源文件内容哈希 / Content hash of the source file'
  sheet: '来源工作表（CSV为空） / Source sheet; empty for a CSV'
  row_number: '来源行号 / Source row number as a person sees it'
checks:
  unique: [stat_code, region_code, year]
  not_null: [stat_code, region_code, year]
*/
-- Computed once per build: staging.statistics_as_of ranks every version with a window on each read, and the build
-- reads it several times. This table is what the last build used; staging.statistics_current is current.
select * from staging.statistics_as_of((select as_of from ops.run_settings))

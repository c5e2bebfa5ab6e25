/*
description: '指标面板：县、市各年各指标值，规划地区含目标、预期值与状态 / The indicator panel: every indicator per region and year; for plan regions target, expected value and status'
materialized: view
reads: [marts.panel, ref.indicators, ref.regions]
columns:
  region_code: '地区代码 / Region code'
  year: '年份 / Year'
  indicator_code: '指标代码（见 ref.indicators） / Indicator code, see ref.indicators'
  value: '指标值；输入缺失时为空（不为0），原因见 null_reason / Value; NULL (never 0) when an input is missing, see null_reason'
  unit: '计量单位 / Unit'
  target_value: '规划目标值 / Plan target'
  expected_value: '按轨迹的预期值 / Expected value on the trajectory'
  status: 'achieved 已达标、on_track 符合进度、behind 落后、no_data 无数据 / achieved, on_track, behind or no_data'
  null_reason: '值为空的原因（中文） / Why the value is NULL, in Chinese'
  region_name: '地区名称 / Region name'
  region_level: 'county 县级、city 地级 / county or city'
  indicator_name: '指标名称 / Indicator name'
*/
select
    panel.region_code,
    panel.year,
    panel.indicator_code,
    panel.value,
    panel.unit,
    panel.target_value,
    panel.expected_value,
    panel.status,
    panel.null_reason,
    panel.null_reason_code,
    region.name as region_name,
    region.level as region_level,
    indicator.name_zh as indicator_name
from marts.panel as panel
join ref.regions as region on region.code = panel.region_code
left join ref.indicators as indicator on indicator.code = panel.indicator_code
order by panel.region_code, panel.indicator_code, panel.year

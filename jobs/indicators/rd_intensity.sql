/*
code: RD_INTENSITY
name_zh: 全社会R&D经费支出占GDP比重
name_en: R&D expenditure as a share of GDP
unit: "%"
formula: RD_EXP / GDP × 100
inputs: [RD_EXP, GDP]
undefined_when:
  code: denominator_zero
  reason: 地区生产总值 GDP 为 0
trajectory: linear
source: 统计局 R&D经费支出、地区生产总值
reads: [marts.components_wide]
*/
-- 全社会R&D经费支出占GDP比重 = RD_EXP / GDP × 100
select
    region_code,
    year,
    rd_exp / nullif(gdp, 0) * 100 as value
from marts.components_wide

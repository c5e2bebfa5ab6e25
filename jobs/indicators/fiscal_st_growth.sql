/*
code: FISCAL_ST_GROWTH
name_zh: 财政科技支出增长率
name_en: Growth of public expenditure on science and technology
unit: "%"
formula: (FISCAL_ST(Y) / FISCAL_ST(Y−1) − 1) × 100
inputs: [FISCAL_ST]
undefined_when:
  code: previous_year_missing
  reason: 上一年的财政科技支出 FISCAL_ST 缺失或为 0
trajectory: linear
source: 财政局 一般公共预算科学技术支出
reads: [marts.components_wide]
*/
-- 财政科技支出增长率 = (FISCAL_ST(Y) / FISCAL_ST(Y−1) − 1) × 100; the panel's years are consecutive.
select
    region_code,
    year,
    (fiscal_st / nullif(lag(fiscal_st) over (partition by region_code order by year), 0) - 1) * 100 as value
from marts.components_wide

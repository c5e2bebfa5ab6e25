/*
code: INV_PER_10K_POP
name_zh: 每万人发明专利拥有量
name_en: Valid invention patents per 10,000 residents
unit: 件
formula: VALID_INV_PATENTS / POP × 10000
inputs: [VALID_INV_PATENTS, POP]
undefined_when:
  code: denominator_zero
  reason: 年末常住人口 POP 为 0
trajectory: linear
source: 知识产权局 专利检索导出；统计局 年末常住人口
reads: [marts.components_wide]
*/
-- 每万人发明专利拥有量 = VALID_INV_PATENTS / POP × 10000 (a city's is the ratio of its sums)
select
    region_code,
    year,
    valid_inv_patents / nullif(pop, 0) * 10000 as value
from marts.components_wide

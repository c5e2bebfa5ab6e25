/*
code: RD_FTE_PER_10K_EMP
name_zh: 每万名就业人员中研发人员数
name_en: R&D personnel (FTE) per 10,000 employed
unit: 人年
formula: RD_FTE / EMPLOYED × 10000
inputs: [RD_FTE, EMPLOYED]
undefined_when:
  code: denominator_zero
  reason: 就业人员数 EMPLOYED 为 0
trajectory: linear
source: 统计局 R&D人员折合全时当量、就业人员数
reads: [marts.components_wide]
*/
-- 每万名就业人员中研发人员数 = RD_FTE / EMPLOYED × 10000
select
    region_code,
    year,
    rd_fte / nullif(employed, 0) * 10000 as value
from marts.components_wide

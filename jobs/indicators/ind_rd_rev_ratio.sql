/*
code: IND_RD_REV_RATIO
name_zh: 规上工业企业研发费用占营业收入比重
name_en: R&D expenses as a share of revenue, above-scale industry
unit: "%"
formula: IND_RD_EXP / IND_REVENUE × 100
inputs: [IND_RD_EXP, IND_REVENUE]
undefined_when:
  code: denominator_zero
  reason: 规上工业企业营业收入 IND_REVENUE 为 0
trajectory: linear
source: 统计局 规上工业企业研发费用、营业收入
reads: [marts.components_wide]
*/
-- 规上工业企业研发费用占营业收入比重 = IND_RD_EXP / IND_REVENUE × 100
select
    region_code,
    year,
    ind_rd_exp / nullif(ind_revenue, 0) * 100 as value
from marts.components_wide

/*
code: IND_RD_EXP
name_zh: 规上工业企业研发费用
name_en: R&D expenses of above-scale industrial enterprises
unit: 亿元
formula: IND_RD_EXP(万元) / 10000
inputs: [IND_RD_EXP]
trajectory: linear
source: 统计局 规上工业企业研发费用（缺官方数时以规上工业企业名录合计代替）
reads: [marts.components_wide]
*/
-- 规上工业企业研发费用 (亿元) = IND_RD_EXP (万元) / 10000
select
    region_code,
    year,
    ind_rd_exp / 10000 as value
from marts.components_wide

/*
code: RD_INST_COVERAGE
name_zh: 规上工业企业研发机构覆盖率
name_en: Share of above-scale industrial enterprises with an R&D institution
unit: "%"
formula: 名录当年企业中（是否有研发机构=是，或年末有有效企业研发机构认定）的家数 ÷ 名录当年企业数 × 100；市为所辖全部县之和之比
inputs: [ROSTER_FIRMS, ROSTER_FIRMS_WITH_RD_INST]
trajectory: linear
source: 统计局 规上工业企业名录；科技局 企业研发机构名单
reads: [marts.components_wide]
*/
-- 规上工业企业研发机构覆盖率 (%) = roster firms with an R&D institution / roster firms × 100; NULL without roster
select
    region_code,
    year,
    roster_firms_with_rd_inst / nullif(roster_firms, 0) * 100 as value
from marts.components_wide

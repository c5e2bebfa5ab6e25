/*
code: TECH_SME_COUNT
name_zh: 科技型中小企业数
name_en: Technology-based SMEs registered for the year
unit: 家
formula: 认定年度为Y且年末存续的科技型中小企业数（不重复计数）；市为所辖县之和
inputs: [TECH_SME_COUNT]
trajectory: linear
source: 科技局 科技型中小企业入库名单；市场监管局 企业登记
reads: [marts.components_wide]
*/
-- TECH_SME_COUNT (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    tech_sme_count as value
from marts.components_wide

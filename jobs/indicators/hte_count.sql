/*
code: HTE_COUNT
name_zh: 高新技术企业数
name_en: High-tech enterprises (distinct, valid at year end)
unit: 家
formula: 年末（Y-12-31）有效且存续的高新技术企业数（不重复计数）；市为所辖县之和
inputs: [HTE_COUNT]
trajectory: linear
source: 科技局 高新技术企业认定名单；市场监管局 企业登记（归属与存续）
reads: [marts.components_wide]
*/
-- HTE_COUNT (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    hte_count as value
from marts.components_wide

/*
code: SRDI_COUNT
name_zh: 省级及以上专精特新中小企业数
name_en: Provincial and national SRDI ("specialised, refined, distinctive, innovative") SMEs
unit: 家
formula: 年末有效且存续的省级专精特新中小企业与国家级专精特新"小巨人"企业数（不重复计数）；市为所辖县之和
inputs: [SRDI_COUNT]
trajectory: linear
source: 经信局 专精特新名单；市场监管局 企业登记
reads: [marts.components_wide]
*/
-- SRDI_COUNT (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    srdi_count as value
from marts.components_wide

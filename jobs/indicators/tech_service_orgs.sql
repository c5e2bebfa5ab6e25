/*
code: TECH_SERVICE_ORGS
name_zh: 科技服务机构数
name_en: Technology service organisations
unit: 家
formula: 年末未撤销且存续的科技服务机构数（不重复计数）；市为所辖县之和
inputs: [TECH_SERVICE_ORGS]
trajectory: linear
source: 科技局 科技服务机构名单；市场监管局 企业登记
reads: [marts.components_wide]
*/
-- TECH_SERVICE_ORGS (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    tech_service_orgs as value
from marts.components_wide

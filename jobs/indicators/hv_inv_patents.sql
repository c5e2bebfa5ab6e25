/*
code: HV_INV_PATENTS
name_zh: 高价值发明专利拥有量
name_en: High-value invention patents held
unit: 件
formula: 年末有效发明专利中符合五类高价值之一者（战略性新兴产业、海外同族、维持10年以上、质押融资达门槛、国家级奖励）
inputs: [HV_INV_PATENTS]
trajectory: linear
source: 知识产权局 专利检索导出；战略性新兴产业与IPC参照关系表（jobs/reference/sei_ipc_concordance.csv）
reads: [marts.components_wide]
*/
-- 高价值发明专利拥有量 (stock at year end; a city's is the sum over its counties)
select
    region_code,
    year,
    hv_inv_patents as value
from marts.components_wide

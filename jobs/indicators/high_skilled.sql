/*
code: HIGH_SKILLED
name_zh: 高技能人才总量
name_en: Highly skilled workers
unit: 人
formula: HIGH_SKILLED（年末存量）
inputs: [HIGH_SKILLED]
trajectory: linear
source: 人社局
reads: [marts.components_wide]
*/
-- 高技能人才总量 (stock at year end)
select
    region_code,
    year,
    high_skilled as value
from marts.components_wide

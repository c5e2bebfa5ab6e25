/*
code: SKILLED
name_zh: 技能人才总量
name_en: Skilled workers
unit: 人
formula: SKILLED（年末存量）
inputs: [SKILLED]
trajectory: linear
source: 人社局
reads: [marts.components_wide]
*/
-- 技能人才总量 (stock at year end)
select
    region_code,
    year,
    skilled as value
from marts.components_wide

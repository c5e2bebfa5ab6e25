/*
code: HT_VA
name_zh: 高新技术产业增加值
name_en: Value added of high-tech industries
unit: 亿元
formula: HT_VA(万元) / 10000
inputs: [HT_VA]
trajectory: linear
source: 统计局 高新技术产业增加值
reads: [marts.components_wide]
*/
-- 高新技术产业增加值 (亿元) = HT_VA (万元) / 10000
select
    region_code,
    year,
    ht_va / 10000 as value
from marts.components_wide

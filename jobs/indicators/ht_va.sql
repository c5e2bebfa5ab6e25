-- 高新技术产业增加值 (亿元) = HT_VA (万元) / 10000
select
    region_code,
    year,
    ht_va / 10000 as value
from marts.components_wide

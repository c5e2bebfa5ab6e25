-- 高新技术产业增加值占规上工业增加值比重 = HT_VA / IND_VA × 100
select
    region_code,
    year,
    ht_va / nullif(ind_va, 0) * 100 as value
from marts.components_wide

-- 高技能人才总量 (stock at year end)
select
    region_code,
    year,
    high_skilled as value
from marts.components_wide

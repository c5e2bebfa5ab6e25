-- 技能人才总量 (stock at year end)
select
    region_code,
    year,
    skilled as value
from marts.components_wide

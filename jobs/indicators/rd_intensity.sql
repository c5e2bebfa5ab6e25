-- 全社会R&D经费支出占GDP比重 = RD_EXP / GDP × 100
select
    region_code,
    year,
    rd_exp / nullif(gdp, 0) * 100 as value
from marts.components_wide

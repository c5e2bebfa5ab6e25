-- 财政科技支出增长率 = (FISCAL_ST(Y) / FISCAL_ST(Y−1) − 1) × 100; the panel's years are consecutive.
select
    region_code,
    year,
    (fiscal_st / nullif(lag(fiscal_st) over (partition by region_code order by year), 0) - 1) * 100 as value
from marts.components_wide

-- 财政科技支出年均增长率 = ((FISCAL_ST(Y) / FISCAL_ST(base)) ^ (1 / (Y − base)) − 1) × 100, for Y after the base year.
with base as (
    select
        w.region_code,
        w.fiscal_st as base_fiscal_st,
        p.base_year
    from marts.components_wide as w
    join marts.region_periods as p on p.region_code = w.region_code and p.base_year = w.year
)

select
    w.region_code,
    w.year,
    case
        when w.year > base.base_year
            then (pow(w.fiscal_st / nullif(base.base_fiscal_st, 0), 1.0 / (w.year - base.base_year)) - 1) * 100
    end as value
from marts.components_wide as w
left join base on base.region_code = w.region_code

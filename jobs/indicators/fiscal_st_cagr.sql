/*
code: FISCAL_ST_CAGR
name_zh: 财政科技支出年均增长率
name_en: Compound annual growth of public S&T expenditure since the base year
unit: "%"
formula: ((FISCAL_ST(Y) / FISCAL_ST(基期)) ^ (1 / (Y − 基期)) − 1) × 100
inputs: [FISCAL_ST]
defined_from: after_base_year
undefined_when:
  code: base_year_missing
  reason: 基期的财政科技支出 FISCAL_ST 缺失或为 0
trajectory: target
source: 财政局 一般公共预算科学技术支出
reads: [marts.components_wide, marts.region_periods]
*/
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

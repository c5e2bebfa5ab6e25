/*
code: TECH_TRANSFER_CUM
name_zh: 科技成果转化应用(累计)
name_en: Technology transfer projects, cumulative
unit: 项
formula: Σ TECH_TRANSFER，规划首年至Y
inputs: [TECH_TRANSFER]
defined_from: first_year
undefined_when:
  code: input_missing
  reason: 规划首年至当年，有年份缺少科技成果转化应用 TECH_TRANSFER
trajectory: from_zero
source: 科技局
reads: [marts.components_wide, marts.region_periods]
*/
-- 科技成果转化应用(累计) = Σ TECH_TRANSFER from the plan's first year to Y; NULL before the first year and when any year lacks the flow.
select
    w.region_code,
    w.year,
    case
        when w.year >= p.first_year
            and count(w.tech_transfer) filter (where w.year >= p.first_year) over cumulative = w.year - p.first_year + 1
            then sum(w.tech_transfer) filter (where w.year >= p.first_year) over cumulative
    end as value
from marts.components_wide as w
join marts.region_periods as p on p.region_code = w.region_code
window cumulative as (partition by w.region_code order by w.year rows between unbounded preceding and current row)

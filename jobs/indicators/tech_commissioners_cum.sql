/*
code: TECH_COMMISSIONERS_CUM
name_zh: 派遣科技特派员(累计人次)
name_en: S&T commissioners dispatched, cumulative person-times
unit: 人次
formula: Σ TECH_COMMISSIONERS，规划首年至Y
inputs: [TECH_COMMISSIONERS]
defined_from: first_year
undefined_when:
  code: input_missing
  reason: 规划首年至当年，有年份缺少派遣科技特派员 TECH_COMMISSIONERS
trajectory: from_zero
source: 科技局
reads: [marts.components_wide, marts.region_periods]
*/
-- 派遣科技特派员(累计) = Σ TECH_COMMISSIONERS from the plan's first year to Y; NULL before the first year and when any year lacks the flow.
select
    w.region_code,
    w.year,
    case
        when w.year >= p.first_year
            and count(w.tech_commissioners) filter (where w.year >= p.first_year) over cumulative = w.year - p.first_year + 1
            then sum(w.tech_commissioners) filter (where w.year >= p.first_year) over cumulative
    end as value
from marts.components_wide as w
join marts.region_periods as p on p.region_code = w.region_code
window cumulative as (partition by w.region_code order by w.year rows between unbounded preceding and current row)

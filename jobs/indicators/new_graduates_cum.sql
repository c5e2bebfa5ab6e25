/*
code: NEW_GRADUATES_CUM
name_zh: 新引进高校毕业生(累计)
name_en: University graduates attracted, cumulative over the plan
unit: 人
formula: Σ NEW_GRADUATES，规划首年至Y
inputs: [NEW_GRADUATES]
defined_from: first_year
undefined_when:
  code: input_missing
  reason: 规划首年至当年，有年份缺少新引进高校毕业生 NEW_GRADUATES
trajectory: from_zero
source: 人社局
reads: [marts.components_wide, marts.region_periods]
*/
-- 新引进高校毕业生(累计) = Σ NEW_GRADUATES from the plan's first year to Y; NULL before the first year and when any year lacks the flow.
select
    w.region_code,
    w.year,
    case
        when w.year >= p.first_year
            and count(w.new_graduates) filter (where w.year >= p.first_year) over cumulative = w.year - p.first_year + 1
            then sum(w.new_graduates) filter (where w.year >= p.first_year) over cumulative
    end as value
from marts.components_wide as w
join marts.region_periods as p on p.region_code = w.region_code
window cumulative as (partition by w.region_code order by w.year rows between unbounded preceding and current row)

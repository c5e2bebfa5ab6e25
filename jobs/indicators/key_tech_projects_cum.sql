/*
code: KEY_TECH_PROJECTS_CUM
name_zh: 硬核科技攻关项目(累计)
name_en: Key core technology projects, cumulative
unit: 项
formula: Σ KEY_TECH_PROJECTS，规划首年至Y
inputs: [KEY_TECH_PROJECTS]
defined_from: first_year
undefined_when:
  code: input_missing
  reason: 规划首年至当年，有年份缺少硬核科技攻关项目 KEY_TECH_PROJECTS
trajectory: from_zero
source: 科技局
reads: [marts.components_wide, marts.region_periods]
*/
-- 硬核科技攻关项目(累计) = Σ KEY_TECH_PROJECTS from the plan's first year to Y; NULL before the first year and when any year lacks the flow.
select
    w.region_code,
    w.year,
    case
        when w.year >= p.first_year
            and count(w.key_tech_projects) filter (where w.year >= p.first_year) over cumulative = w.year - p.first_year + 1
            then sum(w.key_tech_projects) filter (where w.year >= p.first_year) over cumulative
    end as value
from marts.components_wide as w
join marts.region_periods as p on p.region_code = w.region_code
window cumulative as (partition by w.region_code order by w.year rows between unbounded preceding and current row)

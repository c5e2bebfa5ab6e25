/*
description: '各地区适用的规划期 / Plan period that applies to each region'
reads: [marts.panel_regions, ref.plan_targets, ref.plans]
columns:
  region_code: '地区代码 / Region code'
  plan_id: '本地区规划（无则为空，采用默认规划期） / The region''s own plan; NULL where the default period applies'
  base_year: '基期年 / Base year'
  first_year: '规划首年（累计指标起点） / First plan year, where cumulative indicators start'
  target_year: '目标年 / Target year'
checks:
  # Two plans of one region targeting the same indicator would double its rows: the run stops and names them.
  fails_when:
    - |
      select 'plans ' || string_agg(plan.plan_id, ' and ' order by plan.plan_id) || ' of region ' || plan.region_code
          || ' both target ' || target.indicator_code
          || '; give one plan per region (--plan) or remove one of the targets' as message
      from ref.plan_targets as target
      join ref.plans as plan on plan.plan_id = target.plan_id
      group by plan.region_code, target.indicator_code
      having count(*) > 1
    - |
      select 'plans ' || string_agg(plan_id, ' and ' order by plan_id) || ' are both plans of region ' || region_code
          || ': a region has one plan period; give one plan per region (--plan)' as message
      from ref.plans
      group by region_code
      having count(*) > 1
  unique: [region_code]
  not_null: [region_code]
*/
-- Plan period per region: its own plan's, else the shipped plan period (every Zhejiang county shares 2023–2027).
with default_period as (
    select base_year, first_year, target_year from ref.plans order by plan_id limit 1
)

select
    regions.region_code,
    coalesce(plan.plan_id, null) as plan_id,
    coalesce(plan.base_year, default_period.base_year) as base_year,
    coalesce(plan.first_year, default_period.first_year) as first_year,
    coalesce(plan.target_year, default_period.target_year) as target_year
from marts.panel_regions as regions
cross join default_period
left join ref.plans as plan on plan.region_code = regions.region_code

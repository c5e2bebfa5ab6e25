/*
description: '科技创新指数（非官方，基期=100）：同市各县各年极差标准化（60—100）、等权平均，方法见README / Unofficial S&T innovation index (base year = 100): min–max scores over the city''s counties and years, equal weights; method in the README'
materialized: view
reads: [marts.sti_index, ref.regions]
columns:
  region_code: '县代码 / County code'
  region_name: '县名称 / County name'
  year: '年份 / Year'
  value: '指数（基期 = 100）；无可比指标时为空 / Index, base year = 100; NULL when no indicator is comparable'
  base_year: '基期年 / Base year'
  indicators_used: '参与计算的指标数 / Number of indicators used'
  indicators: '参与计算的指标代码 / Codes of the indicators used'
*/
select
    sti.region_code,
    region.name as region_name,
    sti.year,
    sti.value,
    sti.base_year,
    sti.indicators_used,
    sti.indicators
from marts.sti_index as sti
join ref.regions as region on region.code = sti.region_code
order by sti.region_code, sti.year

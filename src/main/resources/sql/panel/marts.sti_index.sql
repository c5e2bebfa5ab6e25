/*
description: '科技创新指数（非官方）：等权平均得分，基期 = 100 / Unofficial S&T index: equal-weight mean score, base year = 100'
reads: [marts.panel_grid, marts.region_periods, marts.sti_index_scores]
by_city: region_code
columns:
  region_code: '县代码 / County code'
  year: '年份 / Year'
  base_year: '基期年（= 100） / Base year, = 100'
  value: '指数：当年平均得分 ÷ 基期平均得分 × 100（同一组指标）；无可比指标时为空 / Index: mean score of Y ÷ mean score of the base year × 100 over the same indicators; NULL when none is comparable'
  indicators_used: '参与计算的指标数 / Number of indicators used'
  indicators: '参与计算的指标代码 / Codes of the indicators used'
checks:
  unique: [region_code, year]
  not_null: [region_code, year, indicators_used]
*/
-- The index of the method in marts.sti_index_scores: the mean score of year Y over the base year's, × 100.
with paired as (
    select
        score.region_code,
        score.year,
        score.indicator_code,
        score.score,
        base.score as base_score
    from marts.sti_index_scores as score
    join marts.region_periods as period on period.region_code = score.region_code
    join marts.sti_index_scores as base
        on base.region_code = score.region_code
        and base.indicator_code = score.indicator_code
        and base.year = period.base_year
),

-- Means of doubles taken in a fixed order (by indicator): DuckDB's avg adds them in whatever order its threads deliver
-- them, and the last bits of the index changed from run to run. One ordered list per region and year (three ordered
-- aggregates sorted the same rows three times: 0.6 s against 0.3 s nationally).
scored as (
    select
        grid.region_code,
        grid.year,
        period.base_year,
        list({'indicator_code': paired.indicator_code, 'score': paired.score, 'base_score': paired.base_score}
            order by paired.indicator_code) filter (where paired.indicator_code is not null) as scores
    from marts.panel_grid as grid
    join marts.region_periods as period on period.region_code = grid.region_code
    left join paired on paired.region_code = grid.region_code and paired.year = grid.year
    where grid.level = 'county'
    group by grid.region_code, grid.year, period.base_year
)

select
    region_code,
    year,
    base_year,
    100 * list_avg(list_transform(scores, lambda s: s.score))
        / list_avg(list_transform(scores, lambda s: s.base_score)) as value,
    coalesce(len(scores), 0) as indicators_used,
    coalesce(array_to_string(list_transform(scores, lambda s: s.indicator_code), ','), '') as indicators
from scored

/*
model: marts.statistics_components
description: '统计局报送的基础统计数（现行版本），缺官方数时以规上名录合计代替（标准单位） / Base statistics as published, current version, with roster stand-ins where no official figure was published; canonical units'
reads: [marts.statistics_current, ref.base_statistics, staging.roster_sums]
by_city: region_code
checks:
  unique: [region_code, year, component_code]
  not_null: [region_code, year, component_code, origin]
  fails_when:
    - |
      select 'component ' || component_code || ' is no base statistic of ref.base_statistics' as message
      from marts.statistics_components
      where component_code not in (select code from ref.base_statistics)
*/
-- Base statistics as published: the current version per statistic, region and year (counties and cities).
-- Roster stand-ins (docs/source-rules.md "Enterprises"): IND_REVENUE, IND_RD_EXP, IND_VA and HT_VA of a county-year take the roster's sum
-- where no official version of that statistic was published (by the as-of date); a published "…" (NULL) blocks the
-- stand-in like any version. The roster is undated and counts in every as-of run.
with official as (
    select region_code, year, stat_code, value from marts.statistics_current
),

stand_ins as (
    select sums.region_code, sums.year, sums.stat_code, sums.value
    from staging.roster_sums as sums
    where sums.value is not null
        and not exists (
            select 1 from official
            where official.stat_code = sums.stat_code
                and official.region_code = sums.region_code
                and official.year = sums.year
        )
)

select region_code, year, stat_code as component_code, value, 'statistics' as origin from official
union all
select region_code, year, stat_code, value, 'roster stand-in' from stand_ins

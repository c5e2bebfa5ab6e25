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

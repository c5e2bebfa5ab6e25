-- Statistics bureau (docs/source-rules.md "Statistics"): every published version is kept; the current one is chosen here.

comment on table facts.statistic_versions is '统计数据的全部版本（含修订），值已换算为标准单位 / Every published version (vintage) of a base statistic, value in its canonical unit';
comment on column facts.statistic_versions.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.statistic_versions.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.statistic_versions.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.statistic_versions.stat_code is '基础统计指标代码（见 ref.base_statistics） / Base statistic code, see ref.base_statistics';
comment on column facts.statistic_versions.region_code is '地区代码（GB/T 2260 六位） / Six-digit GB/T 2260 region code';
comment on column facts.statistic_versions.year is '数据年份 / Year the figure is for';
comment on column facts.statistic_versions.value is '数值（标准单位：金额万元、人数人…）；发布为“…”时为空 / Value in the canonical unit (money in 万元, people in 人 …); NULL where “…” (not available) was published';
comment on column facts.statistic_versions.status is '数据状态：初步核算、初步核实、最终核实、普查修订或空 / Publication status: 初步核算, 初步核实, 最终核实, 普查修订 or NULL';
comment on column facts.statistic_versions.published_on is '发布日期 / Publication date of this version';
comment on column facts.statistic_versions.published_on_is_ingest_date is '无发布日期，以首次装载日期代替 / True when the row had no 发布日期 and is dated by its file''s first ingestion';
comment on column facts.statistic_versions.reported_name is '原始指标名称 / Statistic name as delivered';
comment on column facts.statistic_versions.reported_unit is '原始计量单位 / Unit as delivered';
comment on column facts.statistic_versions.reported_value is '原始数值文本 / Value text as delivered';

-- Every version published on or before as_of (every version when as_of is NULL), ranked per statistic, region and
-- year. The views below are current: they read every delivered version. An as-of answer is asked of the macros with
-- its date (staging.statistics_as_of(DATE '2025-06-30')); the panel build passes the run's --as-of.
create or replace macro staging.statistic_versions_ranked_as_of(as_of) as table
with versions as (
    select
        v.*,
        d.delivery_id,
        case v.status
            when '初步核算' then 1
            when '初步核实' then 2
            when '最终核实' then 3
            when '普查修订' then 4
            else 0
        end as status_rank
    from facts.statistic_versions as v
    join ingest.deliveries as d on d.content_hash = v.content_hash and d.status = 'loaded'
    where as_of is null or v.published_on <= as_of
)

select
    *,
    row_number() over (
        partition by stat_code, region_code, year
        order by published_on desc, status_rank desc, delivery_id desc, sheet desc, row_number desc
    ) as version_rank
from versions;
comment on macro table staging.statistic_versions_ranked_as_of is '截至某日（发布日期不晚于该日）可见的统计版本及其排名，1为当日现行；参数为空表示全部 / Versions published on or before the date, ranked: 1 is the one that counted that day; NULL for every version';

create or replace macro staging.statistics_as_of(as_of) as table
select stat_code, region_code, year, value, status, published_on, content_hash, sheet, row_number
from staging.statistic_versions_ranked_as_of(as_of)
where version_rank = 1;
comment on macro table staging.statistics_as_of is '截至某日的现行统计数，如 staging.statistics_as_of(DATE ''2025-06-30'') / The statistics as they stood on a date: per statistic, region and year the version that counted then';

create or replace view staging.statistic_versions_ranked as
select * from staging.statistic_versions_ranked_as_of(null::date);
comment on view staging.statistic_versions_ranked is '全部已交付的统计版本及其排名（1为现行；某日的排名见 statistic_versions_ranked_as_of） / Every delivered version, ranked: 1 is the current one (as of a date: staging.statistic_versions_ranked_as_of)';
comment on column staging.statistic_versions_ranked.status_rank is '数据状态的先后（同日发布时较后者优先） / Order of the status; on the same date the later status wins';
comment on column staging.statistic_versions_ranked.delivery_id is '交付序号（同日同状态时较晚交付者优先） / Delivery sequence; on equal date and status the later delivery wins';
comment on column staging.statistic_versions_ranked.version_rank is '版本排名，1为现行版本 / 1 for the version that counts';

create or replace view staging.statistics_current as
select * from staging.statistics_as_of(null::date);
comment on view staging.statistics_current is '现行统计数（全部已交付数据）：每个指标、地区、年份取最新发布的版本 / The version that counts now, of everything delivered, per statistic, region and year: latest 发布日期, then later status, then later delivery';

create or replace view staging.statistic_conflicts as
select
    stat_code,
    region_code,
    year,
    published_on,
    status,
    count(distinct value) as distinct_values,
    string_agg(distinct cast(value as varchar), ' / ' order by cast(value as varchar)) as values_seen
from staging.statistic_versions_ranked
group by stat_code, region_code, year, published_on, status
having count(distinct coalesce(cast(value as varchar), 'NULL')) > 1;
comment on view staging.statistic_conflicts is '同日同状态却数值不同的版本（以较晚交付者为准并在此报告） / Versions with the same date and status but different values: the later delivery wins, the conflict is reported here';

create or replace view staging.statistics_regions as
select distinct region_code from staging.statistics_current;
comment on view staging.statistics_regions is '统计数据涉及的地区 / Regions the statistics place figures in';
comment on column staging.statistic_conflicts.distinct_values is '不同数值的个数 / How many different values were published';
comment on column staging.statistic_conflicts.values_seen is '各版本数值 / The values seen';

-- The panel's years: every year from the earliest to the latest in a table of statistics. The build takes them of the
-- statistics it counted (marts.panel_years); staging.panel_years of the current statistics, for the live views of the
-- year ends (main.patent_year_end, staging.certification_year_ends).
create or replace macro staging.panel_years_of(statistics_table) as table
select cast(unnest(range(min(year), max(year) + 1)) as integer) as year
from query_table(statistics_table);

create or replace view staging.panel_years as
select * from staging.panel_years_of('staging.statistics_current');
comment on view staging.panel_years is '现行统计数据的年份（最早至最晚） / Years of the current statistics, earliest to latest';
comment on column staging.panel_years.year is '年份 / Year';

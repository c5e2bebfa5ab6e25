-- Patent office extracts (docs/source-rules.md "Patents"): every delivered row is kept; the current row per application number is
-- chosen here. The year-end stock rules need the panel's years and live in sql/panel/015_patents.sql.

comment on table facts.patent_rows is '专利检索导出的全部行（每次交付均保留，按申请号取数据截止日期最新者为现行） / Every delivered row of the patent extracts; every delivery is kept, the row with the latest 数据截止日期 per application number is current';
comment on column facts.patent_rows.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.patent_rows.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.patent_rows.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.patent_rows.application_no is '申请号（规范形式，如 202310123456.7，校验位已核对） / Application number in canonical form (202310123456.7), check character verified (ZC 0006-2003)';
comment on column facts.patent_rows.reported_application_no is '原始申请号文本 / Application number as delivered';
comment on column facts.patent_rows.type_digit is '申请号中的类型位：1发明 2实用新型 3外观设计 8 PCT发明 9 PCT实用新型 / Type digit of the number: 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model';
comment on column facts.patent_rows.patent_type is '专利类型：发明、实用新型、外观设计 / Patent type: 发明 (invention), 实用新型 (utility model), 外观设计 (design)';
comment on column facts.patent_rows.is_pct is '是否PCT国际申请进入国家阶段（类型位8或9） / True for a PCT application entering the national phase (type digit 8 or 9)';
comment on column facts.patent_rows.patent_type_derived is '专利类型为空，由申请号类型位推得 / True when 专利类型 was empty and derived from the type digit';
comment on column facts.patent_rows.application_date is '申请日（PCT为国际申请日），20年期限与维持年限由此起算 / Filing date (international filing date for PCT); the 20-year term and the 10-year rule count from it';
comment on column facts.patent_rows.grant_date is '授权公告日（或授权日、颁证日；无此列时取授权公告号B/C、U、S的公开（公告）日）；为空即未授权的申请 / Grant date: 授权公告日 (授权日, 颁证日), else the date of a grant publication (kind code B/C, U, S); NULL for an application';
comment on column facts.patent_rows.title is '名称 / Title';
comment on column facts.patent_rows.main_ipc is '主分类号（IPC，规范形式如 H01M 10/0525） / Main IPC symbol, canonical form such as H01M 10/0525';
comment on column facts.patent_rows.applicant is '申请（专利权）人 / Applicant or patentee';
comment on column facts.patent_rows.patentee_uscc is '专利权人统一社会信用代码 / Unified social credit code of the patentee';
comment on column facts.patent_rows.region_code is '所在县（第一专利权人所在县，GB/T 2260） / County of the first patentee (GB/T 2260)';
comment on column facts.patent_rows.region_from is '地区取自：地区代码、专利权人统一社会信用代码（第3–8位）、区县（名称，结合地市、省）或地址 / Where the county came from: 地区代码, characters 3–8 of the patentee''s USCC (专利权人统一社会信用代码), a county name (区县, with 地市 and 省) or the address (地址)';
comment on column facts.patent_rows.legal_status is '法律状态：有效、失效、审中、驳回、撤回 / Legal status: 有效, 失效, 审中, 驳回, 撤回';
comment on column facts.patent_rows.lapse_date is '失效日期（交付所示；失效而本表无失效日期列时为空，现行视图以数据截止日期计） / Date the patent lapsed as delivered; NULL for 失效 in an extract without a lapse-date column, which staging.patents_current dates by the cut-off';
comment on column facts.patent_rows.overseas_family is '是否有海外同族（是/有/Y或数量>0） / Has a family member abroad (是/有/Y or a count > 0); NULL when not stated';
comment on column facts.patent_rows.reported_overseas_family is '原始海外同族文本 / 海外同族 as delivered';
comment on column facts.patent_rows.pledge_amount_wan is '质押融资金额（万元） / Pledge financing amount in 万元';
comment on column facts.patent_rows.awards is '获奖情况（原文） / Awards as delivered';
comment on column facts.patent_rows.data_cutoff is '数据截止日期：决定现行行，并用于截止日期运行 / 数据截止日期: decides the current row and the as-of filter';
comment on column facts.patent_rows.data_cutoff_is_ingest_date is '无数据截止日期，以文件首次装载日期代替 / True when the row had no 数据截止日期 and is dated by its file''s first ingestion';

comment on table ref.sei_ipc_concordance is '战略性新兴产业与IPC参照关系（jobs/reference/sei_ipc_concordance.csv，来源与版本见 sei_ipc_README.md） / SEI↔IPC concordance as shipped in jobs/reference/sei_ipc_concordance.csv; source and version in sei_ipc_README.md';
comment on column ref.sei_ipc_concordance.version is '参照表版本 / Version of the shipped concordance';
comment on column ref.sei_ipc_concordance.sei_code is '战略性新兴产业分类代码（2018版） / Strategic emerging industry code (SEI classification 2018)';
comment on column ref.sei_ipc_concordance.sei_name is '战略性新兴产业名称 / Strategic emerging industry name';
comment on column ref.sei_ipc_concordance.rule is 'include 纳入、exclude 排除（同一产业内排除更细的分类） / include, or exclude (a narrower prefix taken out of the same industry)';
comment on column ref.sei_ipc_concordance.ipc_prefix is 'IPC前缀（小类 G06N、大组 H01M 10/ 或小组 H01M 4/06），按主分类号前缀匹配 / IPC prefix: a subclass (G06N), a main group (H01M 10/) or a subgroup (H01M 4/06), matched against the start of the main IPC';
comment on column ref.sei_ipc_concordance.ipc_title is 'IPC类目含义 / What the IPC prefix covers';

-- Patent rows cut off (数据截止日期) on or before as_of (every row when NULL), ranked per application number: the one
-- place of the rule that decides the current row. Only the columns that rank a row or date a lapse, and its rowid: a
-- window sorts every column it carries, and ranking the whole rows (titles, applicants, …) took twice the time. The
-- visible rows are materialised before the window: given as_of as a subquery (the panel's models), DuckDB otherwise
-- joins it to every row on the way into the window, which then ran 2–3× slower (1.4 s against 0.6 s for 3 M rows).
create or replace macro staging.patent_versions_as_of(as_of) as table
with visible as materialized (
    select
        p.rowid as patent_rowid,
        p.application_no,
        p.data_cutoff,
        d.delivery_id,
        p.sheet,
        p.row_number,
        p.legal_status,
        p.lapse_date
    from facts.patent_rows as p
    join ingest.deliveries as d on d.content_hash = p.content_hash and d.status = 'loaded'
    where as_of is null or p.data_cutoff <= as_of
)

select
    *,
    row_number() over (
        partition by application_no
        order by data_cutoff desc, delivery_id desc, sheet desc, row_number desc
    ) as version_rank
from visible;
comment on macro table staging.patent_versions_as_of is '截至某日可见的专利行的排名（仅排名所需各列与 patent_rowid，即 facts.patent_rows 的 rowid），1为当日现行 / The rank of each patent row visible on a date, with only the columns that rank it and patent_rowid (the rowid in facts.patent_rows): 1 is current then';

-- The views below are current; an as-of answer is asked of the macros with its date (staging.patents_as_of(DATE …)).
create or replace macro staging.patent_rows_ranked_as_of(as_of) as table
select p.*, v.delivery_id, v.version_rank
from staging.patent_versions_as_of(as_of) as v
join facts.patent_rows as p on p.rowid = v.patent_rowid;
comment on macro table staging.patent_rows_ranked_as_of is '截至某日（数据截止日期不晚于该日）可见的专利行及其排名，1为当日现行；参数为空表示全部 / Patent rows cut off on or before the date, ranked per application number: 1 is the row current then; NULL for every row';

-- 失效 in an extract without a lapse-date column (docs/sources.md): the patent lapsed by that extract's cut-off, and
-- before it as an older extract says. Its lapse date is the earliest an older row gives (its 失效日期, or the cut-off
-- of an older 失效 without one), else the current row's cut-off; a row with its own 失效日期 keeps it. The current
-- rows are fetched whole by rowid once ranked.
create or replace macro staging.patents_as_of(as_of) as table
with versions as (
    select * from staging.patent_versions_as_of(as_of)
),

lapsed_earlier as (
    select application_no, min(coalesce(lapse_date, data_cutoff)) as lapsed_by
    from versions
    where version_rank > 1 and legal_status = '失效'
    group by application_no
)

select p.* replace (
    case
        when p.lapse_date is null and p.legal_status = '失效'
            then least(lapsed_earlier.lapsed_by, p.data_cutoff)
        else p.lapse_date
    end as lapse_date
), current.delivery_id
from versions as current
join facts.patent_rows as p on p.rowid = current.patent_rowid
left join lapsed_earlier on lapsed_earlier.application_no = p.application_no
where current.version_rank = 1;
comment on macro table staging.patents_as_of is '截至某日的现行专利，如 staging.patents_as_of(DATE ''2024-06-30'')；失效而无失效日期者以较早交付所示日期、否则以数据截止日期为失效日期 / The current row per application number as it stood on a date; 失效 without a lapse date is dated by an older extract, else by the cut-off';

create or replace view staging.patent_rows_ranked as
select * from staging.patent_rows_ranked_as_of(null::date);
comment on view staging.patent_rows_ranked is '全部已交付的专利行及其排名（1为现行：数据截止日期最新，其次较晚交付） / Every delivered patent row, ranked per application number: 1 is current (latest 数据截止日期, then later delivery)';
comment on column staging.patent_rows_ranked.delivery_id is '交付序号（同一截止日期时较晚交付者优先） / Delivery sequence; on the same 数据截止日期 the later delivery wins';
comment on column staging.patent_rows_ranked.version_rank is '排名，1为现行行 / 1 for the current row';

create or replace view staging.patents_current as
select * from staging.patents_as_of(null::date);
comment on view staging.patents_current is '现行专利（全部已交付数据）：每个申请号取数据截止日期最新的一行 / The current row per application number, of everything delivered: latest 数据截止日期';
comment on column staging.patents_current.delivery_id is '交付序号 / Delivery sequence of the current row';

-- The SEI matches of a table of patents (application_no, main_ipc) named by patents_table: staging.patent_sei_matches
-- takes them of the current patents, live; the panel build of marts.patents_current, the current patents it took once.
create or replace macro staging.patent_sei_matches_of(patents_table) as table
with patents as (
    select application_no, main_ipc from query_table(patents_table) where main_ipc is not null
),

included as (
    select patents.application_no, patents.main_ipc, c.sei_code, c.sei_name, c.ipc_prefix
    from patents
    -- Every prefix starts with its subclass (SeiIpcConcordance checks it), as every canonical 主分类号 does: the
    -- subclasses' equality lets DuckDB hash-join instead of testing each patent against every prefix (3 M patents:
    -- 1.2-1.6 s -> 0.5-0.75 s, the same matches).
    join ref.sei_ipc_concordance as c on c.rule = 'include' and left(c.ipc_prefix, 4) = left(patents.main_ipc, 4)
        and starts_with(patents.main_ipc, c.ipc_prefix)
)

select included.*
from included
where not exists (
    select 1
    from ref.sei_ipc_concordance as x
    where x.rule = 'exclude'
        and x.sei_code = included.sei_code
        and starts_with(included.main_ipc, x.ipc_prefix)
);

create or replace view staging.patent_sei_matches as
select * from staging.patent_sei_matches_of('staging.patents_current');
comment on view staging.patent_sei_matches is '现行专利主分类号命中的战略性新兴产业（按参照表前缀纳入且未被同产业排除项排除） / Strategic emerging industries the current patents'' main IPC falls in: an include prefix matches and no exclude prefix of the same industry does';
comment on column staging.patent_sei_matches.application_no is '申请号 / Application number';
comment on column staging.patent_sei_matches.main_ipc is '主分类号 / Main IPC symbol';
comment on column staging.patent_sei_matches.sei_code is '命中的战略性新兴产业代码 / Matched strategic emerging industry code';
comment on column staging.patent_sei_matches.sei_name is '命中的战略性新兴产业名称 / Matched strategic emerging industry name';
comment on column staging.patent_sei_matches.ipc_prefix is '命中的参照表前缀 / Concordance prefix that matched';

create or replace view staging.patents_regions as
select distinct region_code from staging.patents_current;
comment on view staging.patents_regions is '专利数据涉及的县 / Counties the current patent rows place';
comment on column staging.patents_regions.region_code is '地区代码 / Region code';

-- The patent stock at each year end (docs/source-rules.md "Patents"), one row per patent of patents_table and year of
-- years_table: whether it is a valid invention patent and which of CNIPA's five high-value categories it meets.
-- main.patent_year_end takes them of the current patents at the current statistics' years, live; the panel build
-- (jobs/components/patents.sql) of the patents and years it took once (marts.patents_current, marts.panel_years).
create or replace macro staging.patent_year_end_of(patents_table, years_table) as table
with settings as (
    select pledge_threshold_wan from ops.run_settings
),

sei as (
    select
        application_no,
        array_to_string(list_sort(list_distinct(list(sei_code || ' ' || sei_name))), '; ') as sei_industries
    from staging.patent_sei_matches_of(patents_table)
    group by application_no
),

-- What does not depend on the year is judged once per patent, before the patent is crossed with the panel years.
patents as (
    select
        p.application_no,
        p.region_code,
        p.patent_type,
        p.is_pct,
        p.application_date,
        p.grant_date,
        p.lapse_date,
        p.legal_status,
        p.main_ipc,
        sei.sei_industries,
        p.overseas_family,
        p.pledge_amount_wan,
        p.awards,
        p.data_cutoff,
        p.content_hash,
        p.sheet,
        p.row_number,
        p.patent_type = '发明' as is_invention,
        cast(p.application_date + interval 20 year as date) as term_ends_on,
        sei.sei_industries is not null as hv_sei,
        coalesce(p.overseas_family, false) as hv_overseas_family,
        coalesce(p.pledge_amount_wan >= (select pledge_threshold_wan from settings), false) as hv_pledge,
        coalesce(regexp_matches(
            p.awards,
            '中国(专利|外观设计)奖?(金奖|银奖|优秀奖)|国家(最高科学技术奖|自然科学奖|技术发明奖|科学技术进步奖|科技进步奖)'
        ), false) as hv_award
    from query_table(patents_table) as p
    left join sei on sei.application_no = p.application_no
),

tested as (
    select
        patents.*,
        years.year,
        make_date(years.year, 12, 31) as year_end,
        coalesce(patents.grant_date <= make_date(years.year, 12, 31), false) as granted_by_year_end,
        coalesce(patents.lapse_date <= make_date(years.year, 12, 31), false) as lapsed_by_year_end,
        patents.term_ends_on <= make_date(years.year, 12, 31) as term_ended_by_year_end,
        patents.application_date < make_date(years.year - 10, 12, 31) as hv_maintained_over_10_years
    from patents
    cross join query_table(years_table) as years
),

judged as (
    select
        tested.*,
        is_invention and granted_by_year_end and not lapsed_by_year_end and not term_ended_by_year_end as valid
    from tested
)

select
    application_no,
    year,
    region_code,
    patent_type,
    is_pct,
    application_date,
    grant_date,
    lapse_date,
    legal_status,
    is_invention,
    granted_by_year_end,
    lapsed_by_year_end,
    term_ended_by_year_end,
    valid,
    hv_sei,
    hv_overseas_family,
    hv_maintained_over_10_years,
    hv_pledge,
    hv_award,
    valid and (hv_sei or hv_overseas_family or hv_maintained_over_10_years or hv_pledge or hv_award) as high_value,
    concat_ws(', ',
        case when hv_sei then '1 战略性新兴产业' end,
        case when hv_overseas_family then '2 海外同族' end,
        case when hv_maintained_over_10_years then '3 维持10年以上' end,
        case when hv_pledge then '4 质押融资' end,
        case when hv_award then '5 国家级奖励' end
    ) as hv_categories,
    main_ipc,
    sei_industries,
    overseas_family,
    pledge_amount_wan,
    awards,
    data_cutoff,
    content_hash,
    sheet,
    row_number
from judged;

create or replace view main.patent_year_end as
select * from staging.patent_year_end_of('staging.patents_current', 'staging.panel_years');
comment on view main.patent_year_end is '各现行专利在面板各年末是否为有效发明专利、符合哪些高价值类别（有效发明专利与高价值发明专利的计数依据） / Per current patent and panel year end: whether it counted as a valid invention patent and which high-value categories it met; VALID_INV_PATENTS and HV_INV_PATENTS count these rows';
comment on column main.patent_year_end.application_no is '申请号 / Application number';
comment on column main.patent_year_end.year is '年份（按该年12月31日判断） / Year, judged at its 31 December';
comment on column main.patent_year_end.region_code is '所在县 / County the patent counts in';
comment on column main.patent_year_end.patent_type is '专利类型 / Patent type';
comment on column main.patent_year_end.is_pct is '是否PCT进入国家阶段 / PCT application in the national phase';
comment on column main.patent_year_end.application_date is '申请日 / Filing date';
comment on column main.patent_year_end.grant_date is '授权公告日 / Grant publication date';
comment on column main.patent_year_end.lapse_date is '失效日期 / Lapse date';
comment on column main.patent_year_end.legal_status is '法律状态（现行行） / Legal status in the current row';
comment on column main.patent_year_end.is_invention is '是否发明专利（类型位1或8） / Invention patent (type digit 1 or 8)';
comment on column main.patent_year_end.granted_by_year_end is '年末前已授权（授权公告日≤12月31日） / Granted by the year end (授权公告日 ≤ 31 Dec)';
comment on column main.patent_year_end.lapsed_by_year_end is '年末前已失效（失效日期≤12月31日） / Lapsed by the year end (失效日期 ≤ 31 Dec)';
comment on column main.patent_year_end.term_ended_by_year_end is '20年期限已届满（申请日+20年≤12月31日） / 20-year term over (申请日 + 20 years ≤ 31 Dec)';
comment on column main.patent_year_end.valid is '年末有效发明专利：发明、已授权、未失效、期限未满 / Valid invention patent at the year end: invention, granted, not lapsed, within its term';
comment on column main.patent_year_end.hv_sei is '类别1：主分类号属战略性新兴产业（见 staging.patent_sei_matches） / Category 1: main IPC in a strategic emerging industry';
comment on column main.patent_year_end.hv_overseas_family is '类别2：有海外同族 / Category 2: family member abroad';
comment on column main.patent_year_end.hv_maintained_over_10_years is '类别3：维持10年以上（申请日 < (年−10)-12-31） / Category 3: maintained over 10 years (申请日 < (Y−10)-12-31)';
comment on column main.patent_year_end.hv_pledge is '类别4：质押融资金额≥门槛（ops.run_settings.pledge_threshold_wan） / Category 4: pledge amount at or above the threshold in ops.run_settings';
comment on column main.patent_year_end.hv_award is '类别5：获中国专利奖（金、银、优秀奖）或国家科学技术奖（省级奖不计） / Category 5: a level of 中国专利奖 or a 国家科学技术奖; provincial awards do not count';
comment on column main.patent_year_end.high_value is '年末高价值发明专利：有效且符合至少一个类别 / High-value at the year end: valid and in at least one category';
comment on column main.patent_year_end.hv_categories is '符合的高价值类别（无论是否有效） / High-value categories met, whether or not the patent is valid';
comment on column main.patent_year_end.main_ipc is '主分类号 / Main IPC symbol';
comment on column main.patent_year_end.sei_industries is '命中的战略性新兴产业 / Strategic emerging industries matched';
comment on column main.patent_year_end.overseas_family is '海外同族 / Family member abroad';
comment on column main.patent_year_end.pledge_amount_wan is '质押融资金额（万元） / Pledge amount in 万元';
comment on column main.patent_year_end.awards is '获奖情况 / Awards as delivered';
comment on column main.patent_year_end.data_cutoff is '现行行的数据截止日期 / 数据截止日期 of the current row';
comment on column main.patent_year_end.content_hash is '现行行的来源文件哈希 / Content hash of the current row''s file';
comment on column main.patent_year_end.sheet is '现行行的工作表 / Sheet of the current row';
comment on column main.patent_year_end.row_number is '现行行的行号 / Row number of the current row';

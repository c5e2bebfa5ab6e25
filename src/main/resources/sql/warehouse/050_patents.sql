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

-- Patent rows cut off (数据截止日期) on or before as_of (every row when NULL), ranked per application number. The
-- views below are current; an as-of answer is asked of the macros with its date (staging.patents_as_of(DATE …)).
create or replace macro staging.patent_rows_ranked_as_of(as_of) as table
with visible as (
    select
        p.*,
        d.delivery_id
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
comment on macro table staging.patent_rows_ranked_as_of is '截至某日（数据截止日期不晚于该日）可见的专利行及其排名，1为当日现行；参数为空表示全部 / Patent rows cut off on or before the date, ranked per application number: 1 is the row current then; NULL for every row';

-- 失效 in an extract without a lapse-date column (docs/sources.md): the patent lapsed by that extract's cut-off, and
-- before it as an older extract says. Its lapse date is the earliest an older row gives (its 失效日期, or the cut-off
-- of an older 失效 without one), else the current row's cut-off; a row with its own 失效日期 keeps it.
create or replace macro staging.patents_as_of(as_of) as table
with ranked as (
    select * from staging.patent_rows_ranked_as_of(as_of)
),

lapsed_earlier as (
    select application_no, min(coalesce(lapse_date, data_cutoff)) as lapsed_by
    from ranked
    where version_rank > 1 and legal_status = '失效'
    group by application_no
)

select ranked.* exclude (version_rank) replace (
    case
        when ranked.lapse_date is null and ranked.legal_status = '失效'
            then least(lapsed_earlier.lapsed_by, ranked.data_cutoff)
        else ranked.lapse_date
    end as lapse_date
)
from ranked
left join lapsed_earlier on lapsed_earlier.application_no = ranked.application_no
where ranked.version_rank = 1;
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
    join ref.sei_ipc_concordance as c on c.rule = 'include' and starts_with(patents.main_ipc, c.ipc_prefix)
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

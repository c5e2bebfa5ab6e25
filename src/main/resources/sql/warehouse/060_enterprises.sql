-- Enterprise registry, certification lists and the above-scale roster (docs/source-rules.md "Enterprises"): every delivered row
-- is kept; the views below decide which row of an enterprise is current and where an enterprise is placed.

comment on table facts.registry_entries is '企业登记提取的全部行（含各次交付），按数据截止日期取现行 / Every row of the registry''s extracts, all deliveries; the current one per enterprise has the latest 数据截止日期';
comment on column facts.registry_entries.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.registry_entries.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.registry_entries.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.registry_entries.uscc is '统一社会信用代码（大写半角，已通过GB 32100与GB 11714校验） / Unified social credit code, upper-case half-width, passing the GB 32100 and GB 11714 checks';
comment on column facts.registry_entries.organisation_code is '组织机构代码（信用代码第9–17位，GB 11714） / Organisation code, characters 9–17 of the USCC (GB 11714)';
comment on column facts.registry_entries.enterprise_name is '企业名称 / Enterprise name';
comment on column facts.registry_entries.enterprise_type is '企业类型 / Enterprise type as delivered';
comment on column facts.registry_entries.registration_status is '登记状态（归一）：存续、迁出、吊销、注销、撤销、停业、清算 / Registration status, normalised: 存续, 迁出, 吊销, 注销, 撤销, 停业 or 清算';
comment on column facts.registry_entries.reported_status is '原始登记状态 / Registration status as delivered';
comment on column facts.registry_entries.established_on is '成立日期 / Date of establishment';
comment on column facts.registry_entries.status_changed_on is '状态变更日期（注销、吊销、撤销、迁出之日） / Date of 注销, 吊销, 撤销 or 迁出';
comment on column facts.registry_entries.registered_capital_wan is '注册资本金额（以其币种计，万） / Registered capital in 万 (10,000) of its currency';
comment on column facts.registry_entries.capital_currency is '注册资本币种（ISO 4217，未注明为人民币CNY） / Currency of the registered capital, ISO 4217; CNY where none is named';
comment on column facts.registry_entries.reported_capital is '原始注册资本文本 / Registered capital as delivered';
comment on column facts.registry_entries.industry_code is '国民经济行业代码（GB/T 4754-2017，带门类字母，如C3921） / Industry code, GB/T 4754-2017, with its section letter, e.g. C3921';
comment on column facts.registry_entries.region_code is '住所行政区划代码（县级，GB/T 2260） / County of the registered address, GB/T 2260';
comment on column facts.registry_entries.registration_authority is '登记机关 / Registration authority';
comment on column facts.registry_entries.data_cutoff_on is '数据截止日期 / Date the extract''s data runs to';
comment on column facts.registry_entries.change_date_unknown is '注销/吊销/撤销/迁出而提取中无任何日期（变更日期不详，自数据截止日期起视为不存续） / True for 注销, 吊销, 撤销 or 迁出 without any date: inactive from the extract''s cut-off';
comment on column facts.registry_entries.region_source is '所在县的依据：行政区划代码、所属区县、登记机关、信用代码；空为无法确定 / What gave the county: the code, 所属区县, the 登记机关''s name or the credit code; NULL when nothing did';
comment on column facts.registry_entries.name_key is '名称匹配键（NFKC、去空白、括号半角） / Name as matched: NFKC, no white space, half-width brackets';
comment on column facts.registry_entries.former_names is '曾用名（原文） / Former names as delivered';
comment on column facts.registry_entries.former_name_keys is '曾用名匹配键，以 | 分隔 / Former names as matched, separated by |';
comment on column facts.registry_entries.data_cutoff_is_ingest_date is '无数据截止日期，以首次装载日期代替 / True when the row had no 数据截止日期 and is dated by its file''s first ingestion';

comment on table facts.certifications is '科技认定名单的全部行（高新技术企业、科技型中小企业、专精特新、创新型中小企业、科技服务机构、企业研发机构） / Every row of the certification lists: HTE, tech SME, SRDI, innovative SME, tech service organisations, enterprise R&D institutions';
comment on column facts.certifications.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.certifications.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.certifications.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.certifications.uscc is '统一社会信用代码（已校验；名单未列为空，按名称匹配） / Unified social credit code, checked; NULL where the list gives none (matched by name)';
comment on column facts.certifications.enterprise_name is '企业（机构）名称 / Enterprise or organisation name';
comment on column facts.certifications.category is '认定类别（归一） / Certification category, canonical name';
comment on column facts.certifications.reported_category is '原始认定类别 / Category as delivered';
comment on column facts.certifications.component_code is '计入的面板输入量：HTE_COUNT、TECH_SME_COUNT、SRDI_COUNT、TECH_SERVICE_ORGS、RD_INST（研发机构覆盖率）；创新型中小企业为空 / Panel component it counts toward; RD_INST feeds RD_INST_COVERAGE; NULL for 创新型中小企业';
comment on column facts.certifications.certificate_no is '证书编号（高新技术企业须为GR+年份+省份+6位） / Certificate number; for HTE GR + year + province + 6 digits';
comment on column facts.certifications.certified_on is '认定日期 / Date of certification';
comment on column facts.certifications.valid_until is '有效期至（含当日；高新、专精特新、创新型未注明时为认定日期+3年） / Valid until, inclusive; where not stated, 认定日期 + 3 years for HTE, SRDI and innovative SMEs';
comment on column facts.certifications.valid_until_is_default is '有效期至为按规则推定 / True when valid_until was not delivered but defaulted by the rule';
comment on column facts.certifications.certification_year is '认定年度（未注明取认定日期所在年） / Certification year; the year of 认定日期 where not delivered';
comment on column facts.certifications.list_status is '状态（归一）：有效、撤销、过期 / Status, normalised: 有效, 撤销 (撤销/取消) or 过期';
comment on column facts.certifications.reported_status is '原始状态 / Status as delivered';
comment on column facts.certifications.revoked_on is '撤销日期（自该日起不再计数） / Date of revocation: from that day the certificate no longer counts';
comment on column facts.certifications.region_code is '名单所列地区代码，或由地区名称识别的代码（县级才用于归属） / Region the list gives, by 地区代码 or by its region names; only a county places the enterprise';
comment on column facts.certifications.name_key is '名称匹配键（NFKC、去空白、括号半角） / Name as matched: NFKC, no white space, half-width brackets';
comment on column facts.certifications.proposed is '来自拟认定、拟入库或公示名单（标题或工作表名所示） / From a proposed list (拟认定, 拟入库, 公示 in its title or sheet name)';
comment on column facts.certifications.list_region_name is '名单所列地区名称（设区市、县（市、区）、行政区域） / Region name as the list gives it';
comment on column facts.certifications.row_note is '行的说明：证书编号年份与年度不一致（以年度为准）、地区名称无法识别 / Notes: a certificate year that disagrees with 年度 (年度 wins), a region name not recognised';

comment on table facts.roster_entries is '规上工业企业名录（营业收入2000万元及以上） / Roster of above-scale industrial enterprises (revenue of 2000万元 or more)';
comment on column facts.roster_entries.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.roster_entries.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.roster_entries.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.roster_entries.year is '年份 / Year';
comment on column facts.roster_entries.uscc is '统一社会信用代码（已校验） / Unified social credit code, checked';
comment on column facts.roster_entries.enterprise_name is '企业名称 / Enterprise name';
comment on column facts.roster_entries.region_code is '地区代码（县级；汇总与覆盖率按此归属） / County the roster gives; sums and coverage are placed by it';
comment on column facts.roster_entries.industry_code is '行业代码（GB/T 4754-2017） / Industry code, GB/T 4754-2017';
comment on column facts.roster_entries.revenue_wan is '营业收入（万元） / Revenue, 万元';
comment on column facts.roster_entries.rd_expense_wan is '研发费用（万元） / R&D expenses, 万元';
comment on column facts.roster_entries.value_added_wan is '工业增加值（万元） / Industrial value added, 万元';
comment on column facts.roster_entries.is_high_tech is '是否高新技术产业 / Whether it belongs to high-tech industry';
comment on column facts.roster_entries.has_rd_institution is '是否有研发机构 / Whether it has an R&D institution';

-- The views below are current: they read every delivered row. An as-of answer is asked of the macros with its date
-- (staging.registry_as_of(DATE '2025-02-28') …); the panel build passes the run's --as-of.

-- Registry: per enterprise the row with the latest 数据截止日期 (on or before as_of; any, when it is NULL), then on the
-- same cut-off a row that dates its 注销/吊销/迁出 over one that does not, then the later delivery, then the later row.
create or replace macro staging.registry_ranked_as_of(as_of) as table
select
    entries.*,
    deliveries.delivery_id,
    row_number() over (
        partition by entries.uscc
        order by entries.data_cutoff_on desc, coalesce(entries.change_date_unknown, false), deliveries.delivery_id desc,
            entries.sheet desc, entries.row_number desc
    ) as version_rank
from facts.registry_entries as entries
join ingest.deliveries as deliveries
    on deliveries.content_hash = entries.content_hash and deliveries.status = 'loaded'
where as_of is null or entries.data_cutoff_on <= as_of;
comment on macro table staging.registry_ranked_as_of is '截至某日（数据截止日期不晚于该日）可见的企业登记行及其排名，1为当日现行；参数为空表示全部 / Registry rows cut off on or before the date, ranked per enterprise: 1 is the row current then; NULL for every row';

-- A status 注销/吊销/撤销/迁出 without any date (docs/sources.md): the enterprise ended on the date another row of the same
-- status gives, else it is inactive from the earliest cut-off of the extracts that show that status undated since the
-- last one that showed it active; before that it is as those older extracts say (active, if none does).
create or replace macro staging.registry_as_of(as_of) as table
with ranked as (
    select * from staging.registry_ranked_as_of(as_of)
),

dated_elsewhere as (
    select uscc, registration_status, min(status_changed_on) as changed_on
    from ranked
    where registration_status in ('注销', '吊销', '撤销', '迁出') and status_changed_on is not null
    group by uscc, registration_status
),

last_active as (
    select uscc, max(data_cutoff_on) as active_on
    from ranked
    where registration_status not in ('注销', '吊销', '撤销', '迁出')
    group by uscc
),

undated_since as (
    select ranked.uscc, ranked.registration_status, min(ranked.data_cutoff_on) as since
    from ranked
    left join last_active on last_active.uscc = ranked.uscc
    where ranked.change_date_unknown and ranked.data_cutoff_on > coalesce(last_active.active_on, date '0001-01-01')
    group by ranked.uscc, ranked.registration_status
)

select
    ranked.uscc, organisation_code, enterprise_name, enterprise_type, ranked.registration_status, reported_status,
    established_on,
    case
        when coalesce(ranked.change_date_unknown, false)
            then coalesce(dated_elsewhere.changed_on, undated_since.since, ranked.data_cutoff_on)
        else ranked.status_changed_on
    end as status_changed_on,
    registered_capital_wan, capital_currency, reported_capital, industry_code,
    region_code, registration_authority, data_cutoff_on, content_hash, sheet, row_number,
    coalesce(ranked.change_date_unknown, false) and dated_elsewhere.changed_on is null as change_date_unknown,
    case
        when coalesce(ranked.change_date_unknown, false) and dated_elsewhere.changed_on is null
            then '变更日期不详'
    end as status_change_note,
    region_source, name_key, former_names, former_name_keys
from ranked
left join dated_elsewhere
    on dated_elsewhere.uscc = ranked.uscc and dated_elsewhere.registration_status = ranked.registration_status
left join undated_since
    on undated_since.uscc = ranked.uscc and undated_since.registration_status = ranked.registration_status
where version_rank = 1;
comment on macro table staging.registry_as_of is '截至某日的企业登记现行行 / The registry row per enterprise as it stood on a date';

create or replace view staging.registry_ranked as
select * from staging.registry_ranked_as_of(null::date);
comment on view staging.registry_ranked is '全部已交付的企业登记行及其排名（1为现行） / Every delivered registry row, ranked per enterprise: 1 is current';
comment on column staging.registry_ranked.delivery_id is '交付序号（同一截止日期时较晚交付者优先） / Delivery sequence; on the same 数据截止日期 the later delivery wins';
comment on column staging.registry_ranked.version_rank is '版本排名，1为现行 / 1 for the row that is current';

create or replace view staging.registry_current as
select * from staging.registry_as_of(null::date);
comment on column staging.registry_current.status_changed_on is '状态变更日期；变更日期不详者为显示该状态的最早数据截止日期 / Date of 注销, 吊销, 撤销 or 迁出; where no extract dates it, the earliest cut-off that shows the status';
comment on column staging.registry_current.change_date_unknown is '变更日期不详 / No extract dates the change';
comment on column staging.registry_current.status_change_note is '变更日期不详（以数据截止日期计） / 变更日期不详 where the cut-off stands in for the change date';
comment on view staging.registry_current is '企业登记现行行（全部已交付数据）：每个信用代码取数据截止日期最新者 / The current registry row per enterprise, of everything delivered: latest 数据截止日期, then later delivery';

-- Certification lists: a certificate delivered again (same enterprise, category, number and date) counts once, as the
-- latest delivery states it. Lists are dated by their own dates: as of a date a certificate counts from its
-- 认定日期 (else 1 January of its 认定年度) on or before it, a revocation from its 撤销日期 likewise.
-- A row without a credit code is matched by its normalised name against every name the registry has delivered for
-- an enterprise, current and former (曾用名), by the date (docs/sources.md): one enterprise matches, its code is used
-- (按名称匹配); several, the row is ambiguous and counts nowhere; none, the enterprise is the name itself, counted
-- in the list's own county and reported as unmatched. Matching happens here, at build time, so a registry extract
-- delivered after the list identifies its rows on the next run.
create or replace macro staging.certifications_as_of(as_of) as table
with visible as (
    select
        certifications.*,
        deliveries.delivery_id,
        deliveries.file_name
    from facts.certifications as certifications
    join ingest.deliveries as deliveries
        on deliveries.content_hash = certifications.content_hash and deliveries.status = 'loaded'
    where as_of is null
        or coalesce(certifications.certified_on, make_date(certifications.certification_year, 1, 1)) <= as_of
),

registry_names as (
    select uscc, name_key
    from staging.registry_ranked_as_of(as_of)
    where name_key is not null
    union
    select uscc, unnest(string_split(former_name_keys, '|')) as name_key
    from staging.registry_ranked_as_of(as_of)
    where former_name_keys is not null
),

name_matches as (
    select
        visible.content_hash,
        coalesce(visible.sheet, '') as sheet,
        visible.row_number,
        count(distinct registry_names.uscc) as matches,
        min(registry_names.uscc) as matched_uscc,
        string_agg(distinct registry_names.uscc, '、' order by registry_names.uscc) as candidates
    from visible
    join registry_names on registry_names.name_key = visible.name_key
    where visible.uscc is null
    group by visible.content_hash, coalesce(visible.sheet, ''), visible.row_number
),

identified as (
    select
        visible.* exclude (uscc),
        visible.uscc as listed_uscc,
        case when visible.uscc is not null then visible.uscc when name_matches.matches = 1 then name_matches.matched_uscc
        end as uscc,
        case
            when visible.uscc is not null then '信用代码'
            when name_matches.matches = 1 then '按名称匹配'
            when name_matches.matches > 1 then '名称匹配多家'
            else '名称未匹配'
        end as identified_by,
        case
            when visible.uscc is null and name_matches.matches = 1 then '名称“' || visible.enterprise_name || '”匹配登记中的 ' || name_matches.matched_uscc
            when name_matches.matches > 1 then '名称“' || visible.enterprise_name || '”匹配登记中的 ' || name_matches.matches || ' 家企业：' || name_matches.candidates
            when visible.uscc is null then '名称“' || visible.enterprise_name || '”不在已交付的企业登记中（含曾用名），按名单所列地区计数'
        end as identification_detail
    from visible
    left join name_matches
        on name_matches.content_hash = visible.content_hash
        and name_matches.sheet = coalesce(visible.sheet, '')
        and name_matches.row_number = visible.row_number
),

ranked as (
    select
        *,
        coalesce(uscc, '名称:' || name_key) as enterprise_key,
        row_number() over (
            partition by coalesce(uscc, '名称:' || name_key), category, coalesce(certificate_no, ''),
                coalesce(certified_on, make_date(certification_year, 1, 1)), identified_by = '名称匹配多家'
            order by delivery_id desc, sheet desc, row_number desc
        ) as version_rank
    from identified
)

select
    uscc,
    enterprise_name,
    category,
    component_code,
    certificate_no,
    certified_on,
    valid_until,
    certification_year,
    list_status,
    case when as_of is null or revoked_on <= as_of then revoked_on end as revoked_on,
    region_code as list_region_code,
    file_name,
    content_hash,
    sheet,
    row_number,
    enterprise_key,
    listed_uscc,
    identified_by,
    identification_detail,
    coalesce(proposed, false) as proposed,
    list_region_name,
    row_note
from ranked
where version_rank = 1;
comment on macro table staging.certifications_as_of is '截至某日的认定记录：只计该日及以前的认定与撤销 / Certificates as of a date: only certifications and revocations dated on or before it';

create or replace view staging.certifications_current as
select * from staging.certifications_as_of(null::date);
comment on view staging.certifications_current is '现行认定记录（全部已交付数据）：同一证书多次交付取最新交付 / Certificates that count now: one per enterprise, category, number and date (latest delivery)';
comment on column staging.certifications_current.list_region_code is '名单所列地区代码 / County the list gives (地区代码)';
comment on column staging.certifications_current.file_name is '来源文件名 / Source file name';
comment on column staging.certifications_current.uscc is '所用信用代码：名单所列，或按名称匹配所得；未匹配或匹配多家为空 / Credit code used: the list''s, or the one its name matched; NULL when unmatched or ambiguous';
comment on column staging.certifications_current.enterprise_key is '计数用的企业标识：信用代码，未匹配者为“名称:”加规范化名称 / Enterprise the row counts as: its credit code, else 名称: and the normalised name';
comment on column staging.certifications_current.listed_uscc is '名单所列信用代码（未列为空） / Credit code the list gives, if any';
comment on column staging.certifications_current.identified_by is '企业识别方式：信用代码、按名称匹配、名称匹配多家、名称未匹配 / How the enterprise was identified: by credit code, by name (one match), ambiguous name, unmatched name';
comment on column staging.certifications_current.identification_detail is '识别说明：匹配到的信用代码或候选企业 / Detail: the code matched, or the candidates';
comment on column staging.certifications_current.proposed is '拟认定、拟入库或公示名单的行（不计入任何指标） / Row of a proposed list (拟认定, 拟入库, 公示): counts toward nothing';
comment on column staging.certifications_current.list_region_name is '名单所列地区名称 / Region name as the list gives it';
comment on column staging.certifications_current.row_note is '行的说明（如证书编号年份与年度不一致、地区名称无法识别） / Notes on the row: a certificate year that disagrees with 年度, a region name not recognised';
comment on column staging.certifications_current.revoked_on is '撤销日期（截至某日时，晚于该日的撤销尚不可知） / Date of revocation; as of a date, a later revocation is not yet known';

-- Where a certified enterprise counts: the registry's 住所行政区划代码, else the list's 地区代码, else characters 3–8
-- of the credit code when they name a county; the certificates and the registry as of the date.
create or replace macro staging.certification_placements_as_of(as_of) as table
select
    certifications.*,
    registry.uscc is not null as in_registry,
    registry.registration_status,
    registry.established_on,
    registry.status_changed_on,
    coalesce(registry.change_date_unknown, false) as status_change_date_unknown,
    registry.region_code as registry_region_code,
    coalesce(registry.region_code, list_region.code, credit_region.code) as region_code,
    case
        when registry.region_code is not null then 'registry'
        when list_region.code is not null then 'list'
        when credit_region.code is not null then 'credit code'
    end as region_source
from staging.certifications_as_of(as_of) as certifications
left join staging.registry_as_of(as_of) as registry on registry.uscc = certifications.uscc
left join ref.regions as list_region
    on list_region.code = certifications.list_region_code and list_region.level = 'county'
left join ref.regions as credit_region
    on credit_region.code = substr(certifications.uscc, 3, 6) and credit_region.level = 'county';
comment on macro table staging.certification_placements_as_of is '截至某日的认定记录及其归属县 / Certificates as of a date with the county they count in';

create or replace view staging.certification_placements as
select * from staging.certification_placements_as_of(null::date);
comment on view staging.certification_placements is '现行认定记录及其归属县：登记住所优先，其次名单地区代码，再次信用代码第3–8位 / Current certificates with the county they count in: the registry''s address, else the list''s 地区代码, else characters 3–8 of the credit code';
comment on column staging.certification_placements.list_region_code is '名单所列地区代码 / County the list gives (地区代码)';
comment on column staging.certification_placements.in_registry is '企业在登记中 / Whether the registry holds the enterprise';
comment on column staging.certification_placements.registration_status is '现行登记状态 / Current registration status';
comment on column staging.certification_placements.established_on is '成立日期（登记） / Date of establishment, from the registry';
comment on column staging.certification_placements.status_changed_on is '状态变更日期（登记） / Date of 注销, 吊销, 撤销 or 迁出, from the registry';
comment on column staging.certification_placements.status_change_date_unknown is '登记的变更日期不详（以数据截止日期计） / The registry gives no date for the 注销/吊销/迁出: its cut-off stands in';
comment on column staging.certification_placements.registry_region_code is '登记住所所在县 / County of the registered address';
comment on column staging.certification_placements.region_code is '计数所在县 / County the enterprise counts in';
comment on column staging.certification_placements.enterprise_key is '计数用的企业标识：信用代码，未匹配者为“名称:”加规范化名称 / Enterprise the row counts as: its credit code, else 名称: and the normalised name';
comment on column staging.certification_placements.listed_uscc is '名单所列信用代码（未列为空） / Credit code the list gives, if any';
comment on column staging.certification_placements.identified_by is '企业识别方式：信用代码、按名称匹配、名称匹配多家、名称未匹配 / How the enterprise was identified: by credit code, by name (one match), ambiguous name, unmatched name';
comment on column staging.certification_placements.identification_detail is '识别说明：匹配到的信用代码或候选企业 / Detail: the code matched, or the candidates';
comment on column staging.certification_placements.region_source is '归属依据：registry 登记、list 名单、credit code 信用代码；空为无法归属 / What placed it: registry, list or credit code; NULL when nothing places it in a county';

-- Roster: per year and enterprise the row of the latest delivery.
create or replace view staging.roster_current as
select * exclude (version_rank)
from (
    select
        roster.*,
        deliveries.delivery_id,
        row_number() over (
            partition by roster.year, roster.uscc
            order by deliveries.delivery_id desc, roster.sheet desc, roster.row_number desc
        ) as version_rank
    from facts.roster_entries as roster
    join ingest.deliveries as deliveries
        on deliveries.content_hash = roster.content_hash and deliveries.status = 'loaded'
)
where version_rank = 1;
comment on view staging.roster_current is '规上工业企业名录现行行：每年每企业取最新交付 / Roster rows that count: per year and enterprise the latest delivery (the roster is undated and counts in every as-of run)';
comment on column staging.roster_current.delivery_id is '交付序号 / Delivery sequence';

-- Roster sums per county and year, as stand-ins for the official aggregates (NULL when a firm lacks the figure).
-- Summed as DECIMAL, exact whatever the order DuckDB's threads add them in (sql/panel/020_components.sql), and
-- shown as the double nearest the exact sum, like the official figures beside them.
create or replace view staging.roster_sums as
with roster as (
    select
        region_code,
        year,
        is_high_tech,
        cast(revenue_wan as decimal(38, 10)) as revenue_wan,
        cast(rd_expense_wan as decimal(38, 10)) as rd_expense_wan,
        cast(value_added_wan as decimal(38, 10)) as value_added_wan
    from staging.roster_current
),

sums as (
    select
        region_code,
        year,
        count(*) as firms,
        sum(revenue_wan) as ind_revenue,
        case when count(rd_expense_wan) = count(*) then sum(rd_expense_wan) end as ind_rd_exp,
        case when count(value_added_wan) = count(*) then sum(value_added_wan) end as ind_va,
        case
            when count(*) filter (where is_high_tech and value_added_wan is null) = 0
                then coalesce(sum(value_added_wan) filter (where is_high_tech), 0)
        end as ht_va
    from roster
    group by region_code, year
)

select region_code, year, 'IND_REVENUE' as stat_code, cast(ind_revenue as double) as value, firms from sums
union all
select region_code, year, 'IND_RD_EXP', cast(ind_rd_exp as double), firms from sums
union all
select region_code, year, 'IND_VA', cast(ind_va as double), firms from sums
union all
select region_code, year, 'HT_VA', cast(ht_va as double), firms from sums;
comment on view staging.roster_sums is '名录按县、年的合计（规上工业营业收入、研发费用、增加值、高新技术产业增加值），任一企业缺值则为空 / Roster sums per county and year of IND_REVENUE, IND_RD_EXP, IND_VA and HT_VA (是否高新技术产业 = 是); NULL when any firm lacks the figure';
comment on column staging.roster_sums.region_code is '地区代码（名录所列县） / County the roster gives';
comment on column staging.roster_sums.year is '年份 / Year';
comment on column staging.roster_sums.stat_code is '对应的基础统计指标代码 / Base statistic it stands in for';
comment on column staging.roster_sums.value is '名录合计（万元） / Sum over the roster, 万元';
comment on column staging.roster_sums.firms is '名录企业数 / Roster firms of the county and year';

create or replace view staging.roster_vs_official as
select
    sums.region_code,
    sums.year,
    sums.stat_code,
    official.value as official_value,
    sums.value as roster_value,
    sums.value - official.value as difference,
    round((sums.value - official.value) / nullif(abs(official.value), 0) * 100, 2) as difference_pct,
    sums.firms as roster_firms,
    official.published_on
from staging.roster_sums as sums
join staging.statistics_current as official
    on official.stat_code = sums.stat_code
    and official.region_code = sums.region_code
    and official.year = sums.year
where sums.value is not null
    and official.value is not null
    and abs(sums.value - official.value) > 0.01 * abs(official.value);
comment on view staging.roster_vs_official is '数据质量：名录合计与官方数相差超过1%的县、年 / Data quality: county-years where the roster''s sum and the official figure differ by more than 1% (the official figure counts)';
comment on column staging.roster_vs_official.region_code is '地区代码 / County';
comment on column staging.roster_vs_official.year is '年份 / Year';
comment on column staging.roster_vs_official.stat_code is '基础统计指标代码 / Base statistic';
comment on column staging.roster_vs_official.official_value is '官方数（万元，现行版本） / Official figure, 万元, current version';
comment on column staging.roster_vs_official.roster_value is '名录合计（万元） / Roster sum, 万元';
comment on column staging.roster_vs_official.difference is '名录合计减官方数（万元） / Roster sum minus official figure, 万元';
comment on column staging.roster_vs_official.difference_pct is '相差占官方数的百分比 / Difference as a percentage of the official figure';
comment on column staging.roster_vs_official.roster_firms is '名录企业数 / Roster firms';
comment on column staging.roster_vs_official.published_on is '官方数发布日期 / Publication date of the official figure';

create or replace view staging.enterprises_regions as
select region_code from staging.certification_placements where region_code is not null
union
select region_code from staging.roster_current;
comment on view staging.enterprises_regions is '认定名单与规上名录涉及的县 / Counties the certification lists and the roster place enterprises in';
comment on column staging.enterprises_regions.region_code is '地区代码 / Region code';

-- Every certificate of placements_table at every year end of years_table (docs/source-rules.md "Enterprises"): whether
-- it was valid, whether the enterprise was active, where it counts, and if it does not count, why.
-- staging.certification_year_ends takes them of the current placements at the current statistics' years, live; the
-- panel build (jobs/components/enterprises.sql) of those it took once (marts.certification_placements, marts.panel_years).
create or replace macro staging.certification_year_ends_of(placements_table, years_table) as table
with evaluated as (
    select
        placements.*,
        coalesce(list_region.level = 'county', false) as list_region_is_county,
        years.year,
        make_date(years.year, 12, 31) as year_end,
        case
            when placements.category = '科技型中小企业' and placements.certification_year > years.year
                then 'not yet certified'
            when placements.category = '科技型中小企业' and placements.certification_year < years.year
                then 'other year'
            when placements.certified_on > make_date(years.year, 12, 31) then 'not yet certified'
            when placements.certified_on is null and placements.certification_year > years.year
                then 'not yet certified'
            when placements.revoked_on <= make_date(years.year, 12, 31) then 'revoked'
            when placements.category <> '科技型中小企业' and placements.valid_until < make_date(years.year, 12, 31)
                then 'expired'
        end as certificate_reason,
        placements.in_registry and (
            placements.established_on > make_date(years.year, 12, 31)
            or (placements.registration_status in ('注销', '吊销', '撤销', '迁出')
                and placements.status_changed_on <= make_date(years.year, 12, 31))
        ) as inactive
    from query_table(placements_table) as placements
    left join ref.regions as list_region on list_region.code = placements.list_region_code
    cross join query_table(years_table) as years
),

reasoned as (
    select
        *,
        coalesce(
            case when proposed then 'proposed list' end,
            case when identified_by = '名称匹配多家' then 'ambiguous name' end,
            case when component_code is null then 'counts toward no indicator' end,
            certificate_reason,
            case when inactive then 'inactive' end,
            case when region_code is null then 'not placed' end
        ) as not_counted_reason
    from evaluated
)

select
    uscc,
    enterprise_name,
    year,
    year_end,
    category,
    component_code,
    certificate_no,
    certified_on,
    valid_until,
    certification_year,
    revoked_on,
    list_region_code,
    region_code,
    region_source,
    in_registry,
    registration_status,
    status_changed_on,
    certificate_reason is null as certificate_valid,
    case when not_counted_reason is null then region_code end as counted_in,
    not_counted_reason is null
        and (not list_region_is_county or list_region_code = region_code) as counted,
    coalesce(
        not_counted_reason,
        case when list_region_is_county and list_region_code <> region_code then 'other region' end
    ) as reason,
    case
        when not_counted_reason = 'revoked' then '撤销于 ' || revoked_on
        when not_counted_reason = 'expired' then '有效期至 ' || valid_until
        when not_counted_reason = 'not yet certified' then '认定于 ' || coalesce(cast(certified_on as varchar), cast(certification_year as varchar))
        when not_counted_reason = 'other year' then '认定年度 ' || certification_year
        when not_counted_reason = 'inactive' and established_on > year_end then '成立于 ' || established_on
        when not_counted_reason = 'inactive' and status_change_date_unknown
            then registration_status || ' 于 ' || status_changed_on || '（变更日期不详，以数据截止日期计）'
        when not_counted_reason = 'inactive' then registration_status || ' 于 ' || status_changed_on
        when not_counted_reason = 'proposed list' then '拟认定、拟入库或公示名单，不计入'
        when not_counted_reason = 'ambiguous name' then identification_detail
        when not_counted_reason is null and list_region_is_county and list_region_code <> region_code
            then '计入 ' || region_code || '（' || region_source || '），名单为 ' || list_region_code
    end as reason_detail,
    enterprise_key,
    listed_uscc,
    identified_by,
    identification_detail,
    proposed,
    list_region_name,
    row_note,
    file_name,
    content_hash,
    sheet,
    row_number
from reasoned;

create or replace view staging.certification_year_ends as
select * from staging.certification_year_ends_of('staging.certification_placements', 'staging.panel_years');
comment on view staging.certification_year_ends is '每张证书在每个面板年末的状态：是否有效、企业是否存续、计入哪个县，不计的原因 / Every certificate at every panel year end: valid or not, enterprise active or not, where it counts and, if not, why';
comment on column staging.certification_year_ends.uscc is '统一社会信用代码 / Unified social credit code';
comment on column staging.certification_year_ends.enterprise_name is '企业（机构）名称（名单） / Enterprise name as the list gives it';
comment on column staging.certification_year_ends.year is '年份 / Year';
comment on column staging.certification_year_ends.year_end is '年末（计数时点） / Year end, the date counted at';
comment on column staging.certification_year_ends.category is '认定类别 / Certification category';
comment on column staging.certification_year_ends.component_code is '计入的面板输入量 / Panel component it counts toward';
comment on column staging.certification_year_ends.certificate_no is '证书编号 / Certificate number';
comment on column staging.certification_year_ends.certified_on is '认定日期 / Date of certification';
comment on column staging.certification_year_ends.valid_until is '有效期至 / Valid until, inclusive';
comment on column staging.certification_year_ends.certification_year is '认定年度 / Certification year';
comment on column staging.certification_year_ends.revoked_on is '撤销日期 / Date of revocation';
comment on column staging.certification_year_ends.list_region_code is '名单所列地区代码 / County the list gives';
comment on column staging.certification_year_ends.region_code is '归属县（登记、名单、信用代码依次） / County it is placed in: registry, else list, else credit code';
comment on column staging.certification_year_ends.region_source is '归属依据 / What placed it: registry, list or credit code';
comment on column staging.certification_year_ends.in_registry is '企业在登记中 / Whether the registry holds the enterprise';
comment on column staging.certification_year_ends.registration_status is '现行登记状态 / Current registration status';
comment on column staging.certification_year_ends.status_changed_on is '状态变更日期 / Date of 注销, 吊销, 撤销 or 迁出';
comment on column staging.certification_year_ends.certificate_valid is '证书年末有效（未过期、未撤销；科技型中小企业为当年入库） / Certificate valid at the year end: certified, not expired, not revoked; for 科技型中小企业 the year matches';
comment on column staging.certification_year_ends.counted_in is '计入的县（不计为空） / County it counts in; NULL when it does not count';
comment on column staging.certification_year_ends.counted is '计入名单所列县（名单未列县时计入归属县即可） / Counted in the county the list gives (where the list gives no county, counted wherever it is placed)';
comment on column staging.certification_year_ends.reason is '未计入的原因：proposed list 拟认定/公示名单、ambiguous name 名称匹配多家、revoked 已撤销、expired 已过期、not yet certified 尚未认定、other year 非当年入库、inactive 企业已注销/吊销/撤销/迁出或未成立、not placed 无法归属、counts toward no indicator 不计入指标、other region 计入其他县 / Why it did not count';
comment on column staging.certification_year_ends.reason_detail is '原因说明（日期、计入的县） / Detail of the reason: the date, or the county it counted in';
comment on column staging.certification_year_ends.enterprise_key is '计数用的企业标识：信用代码，未匹配者为“名称:”加规范化名称 / Enterprise counted: credit code, else 名称: and the normalised name';
comment on column staging.certification_year_ends.listed_uscc is '名单所列信用代码 / Credit code the list gives';
comment on column staging.certification_year_ends.identified_by is '企业识别方式：信用代码、按名称匹配、名称匹配多家、名称未匹配 / How the enterprise was identified';
comment on column staging.certification_year_ends.identification_detail is '识别说明 / Detail of the identification';
comment on column staging.certification_year_ends.proposed is '拟认定、拟入库或公示名单 / From a proposed list';
comment on column staging.certification_year_ends.list_region_name is '名单所列地区名称 / Region name as the list gives it';
comment on column staging.certification_year_ends.row_note is '行的说明 / Notes on the row';
comment on column staging.certification_year_ends.file_name is '来源文件名 / Source file name';
comment on column staging.certification_year_ends.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column staging.certification_year_ends.sheet is '来源工作表 / Source sheet';
comment on column staging.certification_year_ends.row_number is '来源行号 / Source row number';

create or replace view main.certification_status as
select
    uscc,
    enterprise_name,
    year_end,
    category,
    certificate_no,
    counted,
    counted_in,
    reason,
    reason_detail,
    list_region_code,
    region_code,
    region_source,
    identified_by,
    identification_detail,
    proposed,
    list_region_name,
    row_note,
    enterprise_key,
    file_name,
    row_number
from staging.certification_year_ends
order by uscc, year_end, category, certified_on, enterprise_key;
comment on view main.certification_status is '每家企业每个年末的每项认定：是否计入、计入哪个县，不计的原因（过期、撤销、企业不存续、其他县） / Per enterprise and year end each certification: whether it counted, where, and if not why (expired, revoked, inactive, other region)';
comment on column main.certification_status.uscc is '统一社会信用代码 / Unified social credit code';
comment on column main.certification_status.enterprise_name is '企业（机构）名称 / Enterprise name';
comment on column main.certification_status.year_end is '年末 / Year end';
comment on column main.certification_status.category is '认定类别 / Certification category';
comment on column main.certification_status.certificate_no is '证书编号 / Certificate number';
comment on column main.certification_status.counted is '计入名单所列县 / Counted in the county the list gives';
comment on column main.certification_status.counted_in is '计入的县（不计为空） / County it counts in; NULL when it does not count';
comment on column main.certification_status.reason is '未计入的原因：proposed list、ambiguous name、expired、revoked、inactive、other region、not yet certified、other year、not placed、counts toward no indicator / Why it did not count';
comment on column main.certification_status.reason_detail is '原因说明 / Detail of the reason';
comment on column main.certification_status.list_region_code is '名单所列地区代码 / County the list gives';
comment on column main.certification_status.region_code is '归属县 / County it is placed in';
comment on column main.certification_status.region_source is '归属依据 / What placed it';
comment on column main.certification_status.identified_by is '企业识别方式：信用代码、按名称匹配、名称匹配多家（不计）、名称未匹配（按名单所列地区计） / How the enterprise was identified: credit code, by name, ambiguous name (not counted), unmatched name (counted by the list''s region)';
comment on column main.certification_status.identification_detail is '识别说明：匹配到的信用代码或候选企业 / Detail: the code matched, or the candidates';
comment on column main.certification_status.proposed is '拟认定、拟入库或公示名单（不计） / From a proposed list: not counted';
comment on column main.certification_status.list_region_name is '名单所列地区名称 / Region name as the list gives it';
comment on column main.certification_status.row_note is '行的说明 / Notes on the row';
comment on column main.certification_status.enterprise_key is '计数用的企业标识（信用代码或“名称:”加名称） / Enterprise the row counts as: credit code, else 名称: and the name';
comment on column main.certification_status.file_name is '来源文件名 / Source file name';
comment on column main.certification_status.row_number is '来源行号 / Source row number';

-- The list rows of placements_table the office should look at (docs/sources.md): a name no delivered registry name
-- matches (counted by the list's own county, if it names one) and a name several enterprises share (not counted).
-- Delivering the registry extract that holds them resolves both on the next run. Proposed lists count toward nothing
-- and are not listed. The workbook's 数据质量 sheet reads them of the build's placements
-- (marts.certification_name_issues); the view below, of the current ones.
create or replace macro staging.certification_name_issues_of(placements_table) as table
with issues as (
    select
        *,
        case
            when identified_by = '名称匹配多家' then {'code': 'name_ambiguous', 'reason': identification_detail || '，不计入'}
            else {'code': 'name_unmatched', 'reason': identification_detail
                || case when region_code is null then '；名单所列地区无法确定所在县，不计入' else '（计入 ' || region_code || '）' end
                || coalesce('；' || row_note, '')}
        end as issue
    from query_table(placements_table)
    where identified_by in ('名称未匹配', '名称匹配多家') and not proposed
)

select
    file_name,
    sheet,
    row_number,
    issue.code as reason_code,
    issue.reason as reason,
    enterprise_name,
    category,
    certification_year
from issues
order by file_name, sheet, row_number;

create or replace view staging.certification_name_issues as
select * from staging.certification_name_issues_of('staging.certification_placements');
comment on view staging.certification_name_issues is '数据质量：认定名单中按名称未匹配或匹配多家企业的行（补交企业登记后下次运行即可识别） / Data quality: list rows whose name matched no registry name, or several enterprises';
comment on column staging.certification_name_issues.file_name is '来源文件名 / Source file name';
comment on column staging.certification_name_issues.sheet is '来源工作表 / Source sheet';
comment on column staging.certification_name_issues.row_number is '来源行号 / Source row number';
comment on column staging.certification_name_issues.reason_code is '原因代码：name_unmatched 名称未匹配、name_ambiguous 名称匹配多家 / Reason code';
comment on column staging.certification_name_issues.reason is '原因说明 / Reason, in Chinese';
comment on column staging.certification_name_issues.enterprise_name is '名单所列企业名称 / Enterprise name as the list gives it';
comment on column staging.certification_name_issues.category is '认定类别 / Certification category';
comment on column staging.certification_name_issues.certification_year is '认定年度 / Certification year';

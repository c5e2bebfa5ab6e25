-- Enterprise registry, certification lists and the above-scale roster (DOMAIN.md §7, §8, §9): every delivered row
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
comment on column facts.registry_entries.data_cutoff_is_ingest_date is '无数据截止日期，以首次装载日期代替 / True when the row had no 数据截止日期 and is dated by its file''s first ingestion';

comment on table facts.certifications is '科技认定名单的全部行（高新技术企业、科技型中小企业、专精特新、创新型中小企业、科技服务机构、企业研发机构） / Every row of the certification lists: HTE, tech SME, SRDI, innovative SME, tech service organisations, enterprise R&D institutions';
comment on column facts.certifications.content_hash is '来源文件内容哈希 / Content hash of the source file';
comment on column facts.certifications.sheet is '来源工作表（CSV为空） / Source sheet; empty for a CSV';
comment on column facts.certifications.row_number is '来源行号 / Source row number as a person sees it';
comment on column facts.certifications.uscc is '统一社会信用代码（已校验） / Unified social credit code, checked';
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
comment on column facts.certifications.region_code is '名单所列地区代码（县级才用于归属） / Region the list gives (地区代码); only a county places the enterprise';

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

-- Registry: per enterprise the row with the latest 数据截止日期 (on or before the run's as-of date), then the later
-- delivery, then the later row.
create or replace view staging.registry_ranked as
with settings as (
    select as_of from ops.run_settings
)

select
    entries.*,
    deliveries.delivery_id,
    row_number() over (
        partition by entries.uscc
        order by entries.data_cutoff_on desc, deliveries.delivery_id desc, entries.row_number desc
    ) as version_rank
from facts.registry_entries as entries
join ingest.deliveries as deliveries
    on deliveries.content_hash = entries.content_hash and deliveries.status = 'loaded'
cross join settings
where settings.as_of is null or entries.data_cutoff_on <= settings.as_of;
comment on view staging.registry_ranked is '按截止日期可见的企业登记行及其排名（1为现行） / Registry rows visible as of the run''s date, ranked per enterprise: 1 is current';
comment on column staging.registry_ranked.delivery_id is '交付序号（同一截止日期时较晚交付者优先） / Delivery sequence; on the same 数据截止日期 the later delivery wins';
comment on column staging.registry_ranked.version_rank is '版本排名，1为现行 / 1 for the row that is current';

create or replace view staging.registry_current as
select
    uscc, organisation_code, enterprise_name, enterprise_type, registration_status, reported_status,
    established_on, status_changed_on, registered_capital_wan, capital_currency, reported_capital, industry_code,
    region_code, registration_authority, data_cutoff_on, content_hash, sheet, row_number
from staging.registry_ranked
where version_rank = 1;
comment on view staging.registry_current is '企业登记现行行：每个信用代码取数据截止日期最新者 / The current registry row per enterprise: latest 数据截止日期, then later delivery';

-- Certification lists: a certificate delivered again (same enterprise, category, number and date) counts once, as the
-- latest delivery states it. Lists are dated by their own dates: in an as-of run a certificate counts from its
-- 认定日期 (else 1 January of its 认定年度) on or before the as-of date, a revocation from its 撤销日期 likewise.
create or replace view staging.certifications_current as
with settings as (
    select as_of from ops.run_settings
),

visible as (
    select
        certifications.*,
        deliveries.delivery_id,
        deliveries.file_name,
        settings.as_of
    from facts.certifications as certifications
    join ingest.deliveries as deliveries
        on deliveries.content_hash = certifications.content_hash and deliveries.status = 'loaded'
    cross join settings
    where settings.as_of is null
        or coalesce(certifications.certified_on, make_date(certifications.certification_year, 1, 1)) <= settings.as_of
),

ranked as (
    select
        *,
        row_number() over (
            partition by uscc, category, coalesce(certificate_no, ''),
                coalesce(certified_on, make_date(certification_year, 1, 1))
            order by delivery_id desc, row_number desc
        ) as version_rank
    from visible
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
    row_number
from ranked
where version_rank = 1;
comment on view staging.certifications_current is '现行认定记录：同一证书多次交付取最新交付；截止日期运行中只计该日前的认定与撤销 / Certificates that count: one per enterprise, category, number and date (latest delivery); in an as-of run only certifications and revocations dated on or before it';
comment on column staging.certifications_current.list_region_code is '名单所列地区代码 / County the list gives (地区代码)';
comment on column staging.certifications_current.file_name is '来源文件名 / Source file name';
comment on column staging.certifications_current.revoked_on is '撤销日期（截止日期运行中，晚于截止日期的撤销不计） / Date of revocation; in an as-of run a later revocation is not yet known';

-- Where a certified enterprise counts: the registry's 住所行政区划代码, else the list's 地区代码, else characters 3–8
-- of the credit code when they name a county.
create or replace view staging.certification_placements as
select
    certifications.*,
    registry.uscc is not null as in_registry,
    registry.registration_status,
    registry.established_on,
    registry.status_changed_on,
    registry.region_code as registry_region_code,
    coalesce(registry.region_code, list_region.code, credit_region.code) as region_code,
    case
        when registry.region_code is not null then 'registry'
        when list_region.code is not null then 'list'
        when credit_region.code is not null then 'credit code'
    end as region_source
from staging.certifications_current as certifications
left join staging.registry_current as registry on registry.uscc = certifications.uscc
left join ref.regions as list_region
    on list_region.code = certifications.list_region_code and list_region.level = 'county'
left join ref.regions as credit_region
    on credit_region.code = substr(certifications.uscc, 3, 6) and credit_region.level = 'county';
comment on view staging.certification_placements is '认定记录及其归属县：登记住所优先，其次名单地区代码，再次信用代码第3–8位 / Certificates with the county they count in: the registry''s address, else the list''s 地区代码, else characters 3–8 of the credit code';
comment on column staging.certification_placements.list_region_code is '名单所列地区代码 / County the list gives (地区代码)';
comment on column staging.certification_placements.in_registry is '企业在登记中 / Whether the registry (as of the run) holds the enterprise';
comment on column staging.certification_placements.registration_status is '现行登记状态 / Current registration status';
comment on column staging.certification_placements.established_on is '成立日期（登记） / Date of establishment, from the registry';
comment on column staging.certification_placements.status_changed_on is '状态变更日期（登记） / Date of 注销, 吊销, 撤销 or 迁出, from the registry';
comment on column staging.certification_placements.registry_region_code is '登记住所所在县 / County of the registered address';
comment on column staging.certification_placements.region_code is '计数所在县 / County the enterprise counts in';
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
            order by deliveries.delivery_id desc, roster.row_number desc
        ) as version_rank
    from facts.roster_entries as roster
    join ingest.deliveries as deliveries
        on deliveries.content_hash = roster.content_hash and deliveries.status = 'loaded'
)
where version_rank = 1;
comment on view staging.roster_current is '规上工业企业名录现行行：每年每企业取最新交付 / Roster rows that count: per year and enterprise the latest delivery (the roster is undated and counts in every as-of run)';
comment on column staging.roster_current.delivery_id is '交付序号 / Delivery sequence';

-- Roster sums per county and year, as stand-ins for the official aggregates (NULL when a firm lacks the figure).
create or replace view staging.roster_sums as
with sums as (
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
    from staging.roster_current
    group by region_code, year
)

select region_code, year, 'IND_REVENUE' as stat_code, ind_revenue as value, firms from sums
union all
select region_code, year, 'IND_RD_EXP', ind_rd_exp, firms from sums
union all
select region_code, year, 'IND_VA', ind_va, firms from sums
union all
select region_code, year, 'HT_VA', ht_va, firms from sums;
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

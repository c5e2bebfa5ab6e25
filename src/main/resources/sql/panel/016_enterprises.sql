-- Every certificate at every panel year end (docs/source-rules.md "Enterprises"): whether it was valid, whether the enterprise was active,
-- where it counts, and if it does not count, why. jobs/components/enterprises.sql counts distinct enterprises here.

-- The year ends of the placements in the table named by placements_table: staging.certification_year_ends takes them
-- of staging.certification_placements, live; the build (jobs/components/enterprises.sql) of
-- marts.certification_placements, the placements it took once.
create or replace macro staging.certification_year_ends_of(placements_table) as table
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
    cross join marts.panel_years as years
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
select * from staging.certification_year_ends_of('staging.certification_placements');
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

-- The list rows the office should look at (docs/sources.md): a name no delivered registry name matches (counted by the
-- list's own county, if it names one) and a name several enterprises share (not counted). Delivering the registry
-- extract that holds them resolves both on the next run. Proposed lists count toward nothing and are not listed.
create or replace view staging.certification_name_issues as
with issues as (
    select
        *,
        case
            when identified_by = '名称匹配多家' then {'code': 'name_ambiguous', 'reason': identification_detail || '，不计入'}
            else {'code': 'name_unmatched', 'reason': identification_detail
                || case when region_code is null then '；名单所列地区无法确定所在县，不计入' else '（计入 ' || region_code || '）' end
                || coalesce('；' || row_note, '')}
        end as issue
    from marts.certification_placements
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
comment on view staging.certification_name_issues is '数据质量：认定名单中按名称未匹配或匹配多家企业的行（补交企业登记后下次运行即可识别） / Data quality: list rows whose name matched no registry name, or several enterprises';
comment on column staging.certification_name_issues.file_name is '来源文件名 / Source file name';
comment on column staging.certification_name_issues.sheet is '来源工作表 / Source sheet';
comment on column staging.certification_name_issues.row_number is '来源行号 / Source row number';
comment on column staging.certification_name_issues.reason_code is '原因代码：name_unmatched 名称未匹配、name_ambiguous 名称匹配多家 / Reason code';
comment on column staging.certification_name_issues.reason is '原因说明 / Reason, in Chinese';
comment on column staging.certification_name_issues.enterprise_name is '名单所列企业名称 / Enterprise name as the list gives it';
comment on column staging.certification_name_issues.category is '认定类别 / Certification category';
comment on column staging.certification_name_issues.certification_year is '认定年度 / Certification year';

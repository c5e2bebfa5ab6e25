-- The patent stock at each panel year end (docs/source-rules.md "Patents"), one row per current patent and year: whether it is a
-- valid invention patent and which of CNIPA's five high-value categories it meets. jobs/components/patents.sql
-- counts it per county; analysts read main.patent_year_end to see why a patent counted or did not.

-- The year ends of the patents in the table named by patents_table: main.patent_year_end takes them of
-- staging.patents_current, live; the build (jobs/components/patents.sql) of marts.patents_current, the current
-- patents it took once.
create or replace macro staging.patent_year_end_of(patents_table) as table
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
    cross join marts.panel_years as years
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
select * from staging.patent_year_end_of('staging.patents_current');
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

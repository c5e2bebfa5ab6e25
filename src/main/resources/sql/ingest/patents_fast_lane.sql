-- The patent extract's fast lane (docs/source-rules.md "Patents", issue #7): which rows of a staged patent extract are certainly valid
-- in their plain form, and the facts PatentExtractKind.read would give them. The lane only accepts: a row it does
-- not mark `fast` (a broken rule, or a form only the Java rules read: full-width digits, an old wording, a city in
-- 地区代码) goes through PatentExtractKind.read, the one implementation of every rule and its reason.
-- PatentFastLaneTest loads the same files both ways and compares every fact and every rejection.
--
-- Reads `delivered`: one row per data row of the CSV, `ordinal` (its position), `cells_fit` (no cell too long),
-- `cells` (the row's cells as DuckDB read them, passed through for the rows off the lane) and one text column per
-- column of the kind, named as in PatentExtractKind, NULL where empty or not delivered. The macros
-- are plain_cells.sql's and those PatentExtractKind.fastLane makes from the Java rules' own constants; `lane_counties`
-- is the list of counties the Java rules know (stipanel.ingest.Regions).
-- {{only_lane_columns}} is true when every column the lane does not read is empty (PatentExtractKind.LANE_COLUMNS):
-- the real exports' rules (a grant from a publication number, county names, addresses, several status columns, an
-- event history) are only in PatentExtractKind.read, so their rows take the row path.
-- {{pledge_in_wan}} is true when the header gives 质押融资金额 in 万元 or no unit; {{first_ingested_on}} dates rows
-- without 数据截止日期.

with numbered as (
    select
        *,
        regexp_extract("申请号", '^(?:CN|ZL)*([0-9]{12}|[0-9]{8})\.?[0-9X]$', 1) as digits,
        case when regexp_full_match("专利权人统一社会信用代码", '[0-9A-Z]+') then "专利权人统一社会信用代码" end as uscc
    from delivered
),

read as (
    select
        *,
        try_cast(digits as bigint) as number_value,
        substr(digits, case length(digits) when 8 then 3 else 5 end, 1) as type_digit,
        patent_type_of_digit(substr(digits, case length(digits) when 8 then 3 else 5 end, 1)) as patent_type,
        plain_date("申请日") as application_date,
        plain_date("授权公告日") as grant_date,
        legal_status_named("法律状态") as legal_status,
        plain_date("失效日期") as lapse_date,
        overseas_family_named("海外同族") as overseas_family,
        plain_number("质押融资金额") as pledge_amount_wan,
        plain_date("数据截止日期") as data_cutoff,
        -- The county a plain 地区代码 names, else (地区代码 empty) the one in a valid credit code's characters 3–8.
        case
            when regexp_full_match("地区代码", '[0-9]{6}|[0-9]{12}') then left("地区代码", 6)
            when "地区代码" is null and uscc_is_valid(uscc) then substr(uscc, 3, 6)
        end as county_code
    from numbered
),

-- The county by `in`, not by a join: `delivered` reads DuckDB's CSV reader, which has no row count to plan with
-- (it estimates 42 rows), and a left join to the 2,978 counties was then planned as a right join with its hash
-- table built over every row of the file, all 45 columns of it: 700 MB per million rows, spilled to disk under the
-- ingest's memory limit (docs/performance.md, "One pass over the file"). `in` is a mark join, its table always the
-- counties.
placed as (
    select *, case when county_code in (select code from lane_counties) then county_code end as lane_county
    from read
)

select
    ordinal,
    -- Every condition is a plain case of a rule; an unknown (NULL) is not plain.
    coalesce(cells_fit and {{only_lane_columns}}
        and digits <> '' and right("申请号", 1) = zc_check_character(number_value, length(digits)) and patent_type is not null
        and ("专利类型" is null or patent_type_named("专利类型") = patent_type)
        and application_date is not null
        and ("授权公告日" is null or grant_date >= application_date)
        and plain_text("名称") and plain_text("申请（专利权）人") and plain_text("获奖情况")
        and ("主分类号" is null or regexp_full_match("主分类号", '[A-H][0-9]{2}[A-Z](?: ?[1-9][0-9]{0,3}/[0-9]{1,6})?'))
        and ("专利权人统一社会信用代码" is null or uscc is not null)
        and lane_county is not null
        and ("法律状态" is null or legal_status is not null)
        and ("失效日期" is null or lapse_date >= application_date)
        and (legal_status is distinct from '失效' or lapse_date is not null)
        and ("海外同族" is null or (overseas_family is not null and plain_text("海外同族")))
        and ("质押融资金额" is null or ({{pledge_in_wan}} and pledge_amount_wan is not null))
        and ("数据截止日期" is null or data_cutoff is not null), false)
        as fast,
    digits || '.' || right("申请号", 1) as application_no,
    "申请号" as reported_application_no,
    try_cast(type_digit as integer) as type_digit,
    patent_type,
    type_digit in ('8', '9') as is_pct,
    "专利类型" is null as patent_type_derived,
    application_date,
    grant_date,
    "名称" as title,
    case
        when length("主分类号") = 4 then "主分类号"
        else left("主分类号", 4) || ' ' || ltrim(substr("主分类号", 5))
    end as main_ipc,
    "申请（专利权）人" as applicant,
    uscc as patentee_uscc,
    lane_county as region_code,
    case when "地区代码" is null then '专利权人统一社会信用代码' else '地区代码' end as region_from,
    legal_status,
    lapse_date,
    overseas_family,
    "海外同族" as reported_overseas_family,
    pledge_amount_wan,
    "获奖情况" as awards,
    coalesce(data_cutoff, {{first_ingested_on}}) as data_cutoff,
    "数据截止日期" is null as data_cutoff_is_ingest_date,
    cells
from placed

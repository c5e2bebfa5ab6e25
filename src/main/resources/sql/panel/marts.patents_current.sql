/*
description: '本次构建所用的专利行（截至该次运行的截止日期；即当时 staging.patents_as_of 的结果，仅构建所用各列） / The row per application number the last build counted, as of that run''s as-of date: staging.patents_as_of of that date, the columns the build reads'
reads: [ops.run_settings, staging.patents_as_of]
columns:
  content_hash: '来源文件内容哈希 / Content hash of the source file'
  sheet: '来源工作表（CSV为空） / Source sheet; empty for a CSV'
  row_number: '来源行号 / Source row number as a person sees it'
  application_no: '申请号（规范形式，如 202310123456.7，校验位已核对） / Application number in canonical form (202310123456.7), check character verified (ZC 0006-2003)'
  patent_type: '专利类型：发明、实用新型、外观设计 / Patent type: 发明 (invention), 实用新型 (utility model), 外观设计 (design)'
  is_pct: '是否PCT国际申请进入国家阶段（类型位8或9） / True for a PCT application entering the national phase (type digit 8 or 9)'
  application_date: '申请日（PCT为国际申请日），20年期限与维持年限由此起算 / Filing date (international filing date for PCT); the 20-year term and the 10-year rule count from it'
  grant_date: '授权公告日 / Grant publication date'
  main_ipc: '主分类号（IPC，规范形式如 H01M 10/0525） / Main IPC symbol, canonical form such as H01M 10/0525'
  region_code: '所在县（地区代码，或专利权人信用代码第3–8位） / County the patent counts in: 地区代码, or characters 3–8 of the patentee''s USCC'
  legal_status: '法律状态：有效、失效、审中、驳回、撤回 / Legal status: 有效, 失效, 审中, 驳回, 撤回'
  lapse_date: '失效日期 / Date the patent lapsed'
  overseas_family: '是否有海外同族（是/有/Y或数量>0） / Has a family member abroad (是/有/Y or a count > 0); NULL when not stated'
  pledge_amount_wan: '质押融资金额（万元） / Pledge financing amount in 万元'
  awards: '获奖情况（原文） / Awards as delivered'
  data_cutoff: '数据截止日期：决定现行行，并用于截止日期运行 / 数据截止日期: decides the current row and the as-of filter'
checks:
  unique: [application_no]
  not_null: [application_no, patent_type, application_date]
*/
-- Taken once per build (staging.patents_as_of ranks every row per application number, and the build reads it several
-- times). Only the columns the build reads: the window carries every column taken through its sort, and the texts it
-- does not read (title, applicant, …) would treble the time.
select
    application_no,
    region_code,
    patent_type,
    is_pct,
    application_date,
    grant_date,
    lapse_date,
    legal_status,
    main_ipc,
    overseas_family,
    pledge_amount_wan,
    awards,
    data_cutoff,
    content_hash,
    sheet,
    row_number
from staging.patents_as_of((select as_of from ops.run_settings))

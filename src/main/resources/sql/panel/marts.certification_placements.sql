/*
description: '本次构建所用的认定记录及其归属县（截至该次运行的截止日期；即当时 staging.certification_placements_as_of 的结果） / Certificates with the county they count in, as the last build counted them as of that run''s as-of date: staging.certification_placements_as_of of that date'
reads: [ops.run_settings, staging.certification_placements_as_of]
columns:
  uscc: '统一社会信用代码（已校验） / Unified social credit code, checked'
  enterprise_name: '企业（机构）名称 / Enterprise or organisation name'
  category: '认定类别（归一） / Certification category, canonical name'
  component_code: '计入的面板输入量：HTE_COUNT、TECH_SME_COUNT、SRDI_COUNT、TECH_SERVICE_ORGS、RD_INST（研发机构覆盖率）；创新型中小企业为空 / Panel component it counts toward; RD_INST feeds RD_INST_COVERAGE; NULL for 创新型中小企业'
  certificate_no: '证书编号（高新技术企业须为GR+年份+省份+6位） / Certificate number; for HTE GR + year + province + 6 digits'
  certified_on: '认定日期 / Date of certification'
  valid_until: '有效期至（含当日；高新、专精特新、创新型未注明时为认定日期+3年） / Valid until, inclusive; where not stated, 认定日期 + 3 years for HTE, SRDI and innovative SMEs'
  certification_year: '认定年度（未注明取认定日期所在年） / Certification year; the year of 认定日期 where not delivered'
  list_status: '状态（归一）：有效、撤销、过期 / Status, normalised: 有效, 撤销 (撤销/取消) or 过期'
  revoked_on: '撤销日期（自该日起不再计数） / Date of revocation: from that day the certificate no longer counts'
  list_region_code: '名单所列地区代码 / County the list gives (地区代码)'
  file_name: '文件名（不含目录） / File name without its folder'
  content_hash: '来源文件内容哈希 / Content hash of the source file'
  sheet: '来源工作表（CSV为空） / Source sheet; empty for a CSV'
  row_number: '来源行号 / Source row number as a person sees it'
  in_registry: '企业在登记中 / Whether the registry (as of the run) holds the enterprise'
  registration_status: '现行登记状态 / Current registration status'
  established_on: '成立日期（登记） / Date of establishment, from the registry'
  status_changed_on: '状态变更日期（登记） / Date of 注销, 吊销, 撤销 or 迁出, from the registry'
  registry_region_code: '登记住所所在县 / County of the registered address'
  region_code: '计数所在县 / County the enterprise counts in'
  enterprise_key: '计数用的企业标识：信用代码，未匹配者为“名称:”加规范化名称 / Enterprise the row counts as: its credit code, else 名称: and the normalised name'
  listed_uscc: '名单所列信用代码（未列为空） / Credit code the list gives, if any'
  identified_by: '企业识别方式：信用代码、按名称匹配、名称匹配多家、名称未匹配 / How the enterprise was identified: by credit code, by name (one match), ambiguous name, unmatched name'
  identification_detail: '识别说明：匹配到的信用代码或候选企业 / Detail: the code matched, or the candidates'
  proposed: '拟认定、拟入库或公示名单的行（不计入任何指标） / Row of a proposed list: counts toward nothing'
  list_region_name: '名单所列地区名称 / Region name as the list gives it'
  row_note: '行的说明（证书编号年份与年度不一致、地区名称无法识别） / Notes on the row'
  status_change_date_unknown: '登记的变更日期不详（以数据截止日期计） / The registry gives no date for the 注销/吊销/迁出: its cut-off stands in'
  region_source: '归属依据：registry 登记、list 名单、credit code 信用代码；空为无法归属 / What placed it: registry, list or credit code; NULL when nothing places it in a county'
checks:
  not_null: [category, enterprise_key]
*/
-- Taken once per build: staging.certification_placements_as_of ranks the certificates and joins the registry as of
-- the date, which ranks every registry row per enterprise, and the build reads it several times.
select * from staging.certification_placements_as_of((select as_of from ops.run_settings))

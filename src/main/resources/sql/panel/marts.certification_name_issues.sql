/*
description: '数据质量：本次构建所用认定名单中按名称未匹配或匹配多家企业的行（工作簿“数据质量”表） / Data quality: the list rows of the build''s certificates whose name matched no registry name, or several enterprises (the workbook''s 数据质量 sheet)'
reads: [marts.certification_placements, staging.certification_name_issues_of]
columns:
  file_name: '来源文件名 / Source file name'
  sheet: '来源工作表 / Source sheet'
  row_number: '来源行号 / Source row number'
  reason_code: '原因代码：name_unmatched 名称未匹配、name_ambiguous 名称匹配多家 / Reason code'
  reason: '原因说明 / Reason, in Chinese'
  enterprise_name: '名单所列企业名称 / Enterprise name as the list gives it'
  category: '认定类别 / Certification category'
  certification_year: '认定年度 / Certification year'
checks:
  not_null: [file_name, row_number, reason_code, reason]
  accepted_values:
    reason_code: [name_unmatched, name_ambiguous]
*/
select * from staging.certification_name_issues_of('marts.certification_placements')

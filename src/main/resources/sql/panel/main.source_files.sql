/*
description: '交付文件清单：每个文件一行，可核对 读取 = 装载 + 拒绝 / One row per delivered file; rows_read = rows_loaded + rows_rejected holds for each'
materialized: view
reads: [ingest.deliveries]
columns:
  file_name: '文件名（不含目录） / File name without its folder'
  content_hash: '文件内容SHA-256哈希 / SHA-256 of the content'
  kind: '识别出的提取类型 / Extract kind(s) recognised from the header'
  status: 'loaded 已装载、refused 拒收、duplicate 重复交付 / loaded, refused or duplicate'
  rows_read: '读取的数据行数 / Data rows read'
  rows_loaded: '装载的数据行数 / Data rows loaded'
  rows_rejected: '拒绝的数据行数 / Data rows rejected'
  reason_code: '拒收原因代码（见 ref.reason_codes） / Code of the refusal (see ref.reason_codes)'
  message: '说明：拒收原因、跳过的工作表、未读取的列、取自标题或文件名的值 / Why refused, sheets passed over, columns not read, values taken from titles or file name'
*/
select
    file_name,
    content_hash,
    kind,
    status,
    rows_read,
    rows_loaded,
    rows_rejected,
    reason_code,
    message
from ingest.deliveries
order by delivery_id

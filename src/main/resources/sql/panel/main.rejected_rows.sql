/*
description: '被拒绝的行：文件、工作表、行号、原因与原始内容 / Rejected rows: file, sheet, row, reason and raw content'
materialized: view
reads: [ingest.deliveries, ingest.rejected_rows]
columns:
  file_name: '文件名 / File name'
  sheet: '工作表名（CSV为空） / Sheet name; empty for a CSV'
  row_number: '行号（用户所见） / Row number as a person sees it'
  reason_code: '拒绝原因代码（稳定，可分组；见 ref.reason_codes） / Stable code of the reason, to group by (see ref.reason_codes)'
  reason: '拒绝原因（中文） / Reason, in Chinese'
  raw: '原始内容 / The row as delivered'
*/
with first_delivery as (
    select content_hash, min_by(file_name, delivery_id) as file_name
    from ingest.deliveries
    group by content_hash
)

select
    first_delivery.file_name,
    rejected.sheet,
    rejected.row_number,
    rejected.reason_code,
    rejected.reason,
    rejected.raw
from ingest.rejected_rows as rejected
join first_delivery on first_delivery.content_hash = rejected.content_hash
order by first_delivery.file_name, rejected.sheet, rejected.row_number

-- The ledger of delivered files and the rows they brought that broke a rule (docs/source-rules.md, docs/panel.md).

comment on table ingest.deliveries is '交付文件台账：每个交付的文件一行（按内容哈希识别，同一内容再次交付不重复装载） / Ledger of delivered files, one row per file and name; content identified by hash, the same content delivered again is not loaded again';
comment on column ingest.deliveries.delivery_id is '交付序号（装载顺序，越大越新） / Delivery sequence number in ingestion order; a larger number is a later delivery';
comment on column ingest.deliveries.file_name is '文件名（不含目录） / File name without its folder';
comment on column ingest.deliveries.relative_path is '相对收件目录的路径 / Path relative to the inbox';
comment on column ingest.deliveries.content_hash is '文件内容的SHA-256哈希，所有事实的来源标识 / SHA-256 of the file content; the lineage key of every fact';
comment on column ingest.deliveries.size_bytes is '文件大小（字节） / File size in bytes';
comment on column ingest.deliveries.format is '识别出的格式与编码，如 CSV GB18030、xlsx；由 DuckDB 整表读入的 CSV 注明 staged by DuckDB / Detected format and encoding, e.g. CSV GB18030, xlsx; a CSV read as a set by DuckDB''s reader says staged by DuckDB';
comment on column ingest.deliveries.kind is '按表头识别出的提取类型（多个以逗号分隔） / Extract kind(s) recognised from the header row, comma-separated';
comment on column ingest.deliveries.status is '状态：loaded 已装载、refused 拒收、duplicate 重复交付 / loaded, refused (no table matched or unreadable) or duplicate (same content under another name)';
comment on column ingest.deliveries.message is '说明（中文）：拒收原因、跳过的工作表、未读取的列、取自标题或文件名的值 / In Chinese: why a file was refused, sheets passed over, columns not read, values taken from titles or the file name';
comment on column ingest.deliveries.rows_read is '读取的数据行数（不含表头、标题、空行和注释行） / Data rows read, not counting header, title, blank and notes rows';
comment on column ingest.deliveries.rows_loaded is '装载的数据行数 / Data rows loaded';
comment on column ingest.deliveries.rows_rejected is '拒绝的数据行数（见 rejected_rows） / Data rows rejected, each listed in rejected_rows';
comment on column ingest.deliveries.first_ingested_on is '首次装载日期；无发布日期的统计数据以此为发布日期 / Date the content was first ingested; dates statistics rows that carry no 发布日期';
comment on column ingest.deliveries.ingested_at is '装载时间 / When the file was ingested';
comment on column ingest.deliveries.job_execution_id is '装载它的批处理作业执行号 / Spring Batch job execution that ingested it';
comment on column ingest.deliveries.reason_code is '拒收原因代码（稳定，可分组；见 ref.reason_codes），已装载的文件为空 / Stable code of the refusal (see ref.reason_codes); NULL for a loaded file';
comment on column ingest.deliveries.modified_at is '读取时文件的修改时间（读取前已稳定 2 秒以上才记录）：同一路径、大小和修改时间的文件视为已读过，不再计算哈希；为空时每次都计算 / The file''s modification time when read, recorded only when it was over 2 s old: a file at the same path with the same size and modification time is taken to be this delivery without hashing it again; NULL: hashed every night';

comment on table ingest.rejected_rows is '被拒绝的数据行及原因 / Delivered rows that broke a rule, with the reason';
comment on column ingest.rejected_rows.content_hash is '来源文件内容哈希 / Content hash of the file the row came in';
comment on column ingest.rejected_rows.sheet is '工作表名（CSV为空） / Sheet name; empty for a CSV';
comment on column ingest.rejected_rows.row_number is '行号（用户所见：CSV为记录首行行号，表头为第1行；工作表为其自身行号） / Row number as a person sees it: CSV line of the record''s first line (header = 1), or the sheet''s row number';
comment on column ingest.rejected_rows.reason is '拒绝原因（中文，指明列与所交付的值） / Why the row was rejected, in Chinese, naming the column and the delivered value';
comment on column ingest.rejected_rows.reason_code is '拒绝原因代码（稳定，可分组；见 ref.reason_codes） / Stable code of the reason (see ref.reason_codes)';
comment on column ingest.rejected_rows.raw is '原始内容（按CSV格式重新编码） / The row as delivered, re-encoded as one CSV line';

comment on table ingest.skipped_files is '未读取的文件：仍在写入（按文件名、未满 --min-file-age，或读取期间发生变化而回滚），下次运行再读，并非拒收 / Files a run found and did not read because they were still being written (by name, younger than --min-file-age, or changed while read and rolled back); the next run reads them, none is refused';
comment on column ingest.skipped_files.job_execution_id is '跳过它的批处理作业执行号（见 runs.run_id） / Job execution that passed it over (runs.run_id)';
comment on column ingest.skipped_files.relative_path is '相对收件目录的路径 / Path relative to the inbox';
comment on column ingest.skipped_files.file_name is '文件名（不含目录） / File name without its folder';
comment on column ingest.skipped_files.size_bytes is '当时的文件大小（字节）；文件已不在时为空 / Size in bytes then; NULL when the file was gone';
comment on column ingest.skipped_files.modified_at is '当时的修改时间 / Modification time then';
comment on column ingest.skipped_files.reason_code is '原因代码：file_in_progress、file_too_recent、file_changed_while_read（见 ref.reason_codes） / Reason code, see ref.reason_codes';
comment on column ingest.skipped_files.reason is '原因 / Why it was not read';
comment on column ingest.skipped_files.skipped_at is '跳过时间 / When it was passed over';

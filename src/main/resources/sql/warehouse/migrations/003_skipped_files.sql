-- Issue 17: the files a run found in the inbox and did not read because they were still being written: by their
-- name (~$…, .~lock.…#, *.part, *.tmp, *.crdownload, *.filepart, hidden files), modified within --min-file-age, or
-- changed while the run read them (that load was rolled back). The next run reads them; none is refused.
create table ingest.skipped_files (
    job_execution_id bigint not null,
    relative_path varchar not null,
    file_name varchar not null,
    size_bytes bigint,
    modified_at timestamp,
    reason_code varchar not null,
    reason varchar not null,
    skipped_at timestamp not null
);

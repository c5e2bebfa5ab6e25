-- Issue 11: a stable code beside every reason shown to the office (rows from before have none: NULL), the catalogue
-- of those codes, and every extract kind's columns and aliases as the run read them (jobs/kinds/*.yml and the
-- deployment folder). The reference tables are reloaded by every run.
alter table ingest.rejected_rows add column reason_code varchar;
alter table ingest.deliveries add column reason_code varchar;

create table ref.reason_codes (
    code varchar primary key,
    applies_to varchar not null,
    description_zh varchar not null
);

create table ref.extract_columns (
    kind varchar not null,
    kind_name varchar not null,
    column_name varchar not null,
    required boolean not null,
    aliases varchar,
    unit varchar,
    metadata varchar
);

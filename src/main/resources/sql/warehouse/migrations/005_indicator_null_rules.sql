-- Issue 15: why an indicator's value is NULL is read by the panel's SQL from ref.indicators (each indicator's file
-- of jobs/indicators/ gives it), instead of a table of values the build spliced into the query.
alter table ref.indicators add column defined_from varchar;
alter table ref.indicators add column undefined_code varchar;
alter table ref.indicators add column undefined_reason varchar;

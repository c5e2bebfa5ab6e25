-- Issue 13: registry exports and certification lists as offices receive them. A registry row may state 注销/吊销/迁出
-- without any date (change_date_unknown: inactive from its extract's cut-off), names its former names (曾用名) and how
-- its county was found; a list row may have no credit code (matched to the registry by its normalised name), comes
-- from a proposed list (拟认定, 公示) or from a title that gave its category, and carries notes the office reads.
alter table facts.registry_entries add column change_date_unknown boolean;
alter table facts.registry_entries add column region_source varchar;
alter table facts.registry_entries add column name_key varchar;
alter table facts.registry_entries add column former_names varchar;
alter table facts.registry_entries add column former_name_keys varchar;

alter table facts.certifications alter column uscc drop not null;
alter table facts.certifications add column name_key varchar;
alter table facts.certifications add column proposed boolean;
alter table facts.certifications add column list_region_name varchar;
alter table facts.certifications add column row_note varchar;

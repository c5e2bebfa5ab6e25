-- Issue 15 and 16: the panel as a graph of models.
-- Issue 15: why an indicator's value is NULL is read by the panel's SQL from ref.indicators (each indicator's file
-- of jobs/indicators/ gives it), instead of a table of values the build spliced into the query.
alter table ref.indicators add column defined_from varchar;
alter table ref.indicators add column undefined_code varchar;
alter table ref.indicators add column undefined_reason varchar;

-- Issue 16: what each table of the panel was last built from, so that a night rebuilds only the models its
-- deliveries can change (stipanel.panel.ModelBuilds).
create table ops.model_builds (
    model varchar primary key,
    inputs varchar not null,
    output varchar not null,
    built_at timestamp not null,
    seconds double not null
);

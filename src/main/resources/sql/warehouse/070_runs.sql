-- What each nightly run did (issue #6): files and rows it ingested, and the panel values it changed.

comment on table ops.panel_changes is '面板变动：每次运行与上次运行面板相比变化的指标值 / Panel values that differ from the panel the previous run built, per run';
comment on column ops.panel_changes.job_execution_id is '计算面板的批处理作业执行号 / Job execution that built the panel';
comment on column ops.panel_changes.region_code is '地区代码 / Region code';
comment on column ops.panel_changes.year is '年份 / Year';
comment on column ops.panel_changes.indicator_code is '指标代码 / Indicator code';
comment on column ops.panel_changes.previous_value is '上次运行的值（新增时为空） / Value in the previous run''s panel; NULL when new';
comment on column ops.panel_changes.value is '本次运行的值（删除时为空） / Value in this run''s panel; NULL when removed';
comment on column ops.panel_changes.change is 'new 新增、changed 值变化、removed 删除 / new (row not in the previous panel), changed (value differs) or removed';

create or replace view main.runs as
with executions as (
    select
        execution.job_execution_id,
        execution.job_instance_id,
        execution.start_time,
        execution.end_time,
        execution.status as status,
        (select try_cast(p.parameter_value as bigint) from ops.BATCH_JOB_EXECUTION_PARAMS as p
         where p.job_execution_id = execution.job_execution_id and p.parameter_name = 'run') as run_number,
        (select p.parameter_value from ops.BATCH_JOB_EXECUTION_PARAMS as p
         where p.job_execution_id = execution.job_execution_id and p.parameter_name = 'asOf') as as_of,
        row_number() over (partition by execution.job_instance_id order by execution.job_execution_id) > 1 as resumed
    from ops.BATCH_JOB_EXECUTION as execution
),

files as (
    select
        job_execution_id,
        count(*) filter (where status = 'loaded') as files_loaded,
        count(*) filter (where status = 'refused') as files_refused,
        count(*) filter (where status = 'duplicate') as files_duplicate,
        cast(sum(rows_loaded) as bigint) as rows_loaded,
        cast(sum(rows_rejected) as bigint) as rows_rejected
    from ingest.deliveries
    group by job_execution_id
),

changes as (
    select
        job_execution_id,
        count(*) filter (where change = 'changed') as values_changed,
        count(*) filter (where change = 'new') as values_new,
        count(*) filter (where change = 'removed') as values_removed,
        string_agg(distinct indicator_code, ',' order by indicator_code)
            filter (where change = 'changed' or value is not null or previous_value is not null) as indicators_changed
    from ops.panel_changes
    group by job_execution_id
)

select
    executions.job_execution_id as run_id,
    executions.run_number,
    executions.resumed,
    executions.start_time as started_at,
    executions.end_time as ended_at,
    executions.status as status,
    nullif(executions.as_of, '') as as_of,
    coalesce(files.files_loaded, 0) as files_loaded,
    coalesce(files.files_refused, 0) as files_refused,
    coalesce(files.files_duplicate, 0) as files_duplicate,
    coalesce(files.rows_loaded, 0) as rows_loaded,
    coalesce(files.rows_rejected, 0) as rows_rejected,
    coalesce(changes.values_changed, 0) as values_changed,
    coalesce(changes.values_new, 0) as values_new,
    coalesce(changes.values_removed, 0) as values_removed,
    coalesce(changes.indicators_changed, '') as indicators_changed
from executions
left join files on files.job_execution_id = executions.job_execution_id
left join changes on changes.job_execution_id = executions.job_execution_id
order by executions.job_execution_id;
comment on view main.runs is '运行记录：每次作业执行一行，含装载、拒收、重复文件数，装载与拒绝行数，以及与上次运行相比变化的指标 / One row per run (job execution): files loaded, refused and duplicate, rows loaded and rejected, and the indicators whose value changed since the previous run';
comment on column main.runs.run_id is '作业执行号 / Job execution id';
comment on column main.runs.run_number is '运行序号；续跑沿用原序号 / Run number; a resumed run keeps the number of the run it resumes';
comment on column main.runs.resumed is '是否为续跑（接着上次失败或中断的运行） / Whether this execution resumed a run that failed or was killed';
comment on column main.runs.started_at is '开始时间 / Started';
comment on column main.runs.ended_at is '结束时间 / Ended';
comment on column main.runs.status is '状态：COMPLETED 完成；FAILED 失败或进程被中止（由下次运行接续） / COMPLETED, or FAILED: failed or killed, and resumed by the next run with the same options';
comment on column main.runs.as_of is '截止日期（为空表示全部数据） / As-of date; NULL for all data';
comment on column main.runs.files_loaded is '本次装载的文件数 / Files loaded by this execution';
comment on column main.runs.files_refused is '本次拒收的文件数 / Files refused by this execution';
comment on column main.runs.files_duplicate is '本次识别为重复交付的文件数 / Files found to repeat an earlier delivery under another name';
comment on column main.runs.rows_loaded is '本次装载的行数 / Rows loaded by this execution';
comment on column main.runs.rows_rejected is '本次拒绝的行数 / Rows rejected by this execution';
comment on column main.runs.values_changed is '值发生变化的面板格数 / Panel values that changed since the previous run';
comment on column main.runs.values_new is '新增的面板格数（首次运行为全部） / Panel rows that are new since the previous run (all of them on the first run)';
comment on column main.runs.values_removed is '消失的面板格数 / Panel rows the previous run had and this one has not';
comment on column main.runs.indicators_changed is '值变化（含新增有值、消失）的指标代码，逗号分隔 / Codes of the indicators with a changed, new non-NULL or removed value, comma-separated';

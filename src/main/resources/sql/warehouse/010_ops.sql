-- Settings of the run that built the panel; the staging views read them.
create table if not exists ops.run_settings (
    run_date date not null,
    as_of date,
    pledge_threshold_wan double not null
);
comment on table ops.run_settings is '生成当前面板的运行参数（单行） / Settings of the run that built the current panel (one row)';
comment on column ops.run_settings.run_date is '运行日期 / Date of the run';
comment on column ops.run_settings.as_of is '截止日期：只计该日及以前发布的数据；为空表示全部 / As-of date: only data published on or before it counts; NULL for all';
comment on column ops.run_settings.pledge_threshold_wan is '高价值专利质押融资金额门槛（万元） / Pledge amount (万元) from which a valid invention patent is high-value';

-- The tables of every layer are created and changed by the numbered migrations in migrations/ (docs/warehouse-schema.md);
-- the files here describe them and create the views over them, again at every run.

-- The schema's history: which migrations made this warehouse what it is.
comment on table ops.schema_migrations is '仓库架构迁移记录：每个已应用的迁移一行，最大的版本号即本仓库的架构版本 / Schema migrations applied to this warehouse, one row each; the highest version is the warehouse''s schema version';
comment on column ops.schema_migrations.version is '迁移后的架构版本号 / Schema version the migration brought the warehouse to';
comment on column ops.schema_migrations.migration is '迁移文件（sql/warehouse/migrations/） / Migration file, in sql/warehouse/migrations/';
comment on column ops.schema_migrations.applied_at is '应用时间 / When it was applied';
comment on column ops.schema_migrations.applied_by is '应用该迁移的程序版本；在版本化之前创建的仓库，其版本 1 记为当时的版本 / Release that applied it; version 1 of a warehouse made before the schema was versioned is credited to that earlier release';

-- Settings of the run that built the panel; the panel build reads them.
comment on table ops.run_settings is '生成当前面板的运行参数（单行） / Settings of the run that built the current panel (one row)';
comment on column ops.run_settings.run_date is '运行日期 / Date of the run';
comment on column ops.run_settings.as_of is '截止日期：只计该日及以前发布的数据；为空表示全部 / As-of date: only data published on or before it counts; NULL for all';
comment on column ops.run_settings.pledge_threshold_wan is '高价值专利质押融资金额门槛（万元） / Pledge amount (万元) from which a valid invention patent is high-value';

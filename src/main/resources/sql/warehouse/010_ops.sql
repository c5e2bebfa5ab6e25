-- The tables of every layer are created and changed by the numbered migrations in migrations/ (docs/warehouse-schema.md);
-- the files here describe them and create the views over them, again whenever these files or the schema change.

-- The schema's history: which migrations made this warehouse what it is.
comment on table ops.schema_migrations is '仓库架构迁移记录：每个已应用的迁移一行，最大的版本号即本仓库的架构版本 / Schema migrations applied to this warehouse, one row each; the highest version is the warehouse''s schema version';
comment on column ops.schema_migrations.version is '迁移后的架构版本号 / Schema version the migration brought the warehouse to';
comment on column ops.schema_migrations.migration is '迁移文件（sql/warehouse/migrations/） / Migration file, in sql/warehouse/migrations/';
comment on column ops.schema_migrations.applied_at is '应用时间 / When it was applied';
comment on column ops.schema_migrations.applied_by is '应用该迁移的程序版本；在版本化之前创建的仓库，其版本 1 记为当时的版本 / Release that applied it; version 1 of a warehouse made before the schema was versioned is credited to that earlier release';

-- Which scripts made the views and macros: a run with the same scripts and no migration keeps them.
comment on table ops.warehouse_scripts is '创建当前视图与宏的脚本（单行）：脚本未变且无迁移时，下次运行保留视图与宏 / The scripts that made the current views and macros (one row): a run with the same scripts and no migration keeps them';
comment on column ops.warehouse_scripts.fingerprint is 'sql/warehouse/*.sql 的文件名与内容之哈希 / Hash of the names and texts of sql/warehouse/*.sql';
comment on column ops.warehouse_scripts.objects is '脚本创建的视图与宏；缺一个即全部重新创建 / The views and macros the scripts made: with one missing, all are made again';
comment on column ops.warehouse_scripts.installed_at is '创建时间 / When they were made';
comment on column ops.warehouse_scripts.installed_by is '创建它们的程序版本 / Release that made them';

-- Settings of the run that built the panel; the panel build reads them.
comment on table ops.run_settings is '生成当前面板的运行参数（单行） / Settings of the run that built the current panel (one row)';
comment on column ops.run_settings.run_date is '运行日期 / Date of the run';
comment on column ops.run_settings.as_of is '截止日期：只计该日及以前发布的数据；为空表示全部 / As-of date: only data published on or before it counts; NULL for all';
comment on column ops.run_settings.pledge_threshold_wan is '高价值专利质押融资金额门槛（万元） / Pledge amount (万元) from which a valid invention patent is high-value';

-- What each table of the panel was built from (stipanel.panel.ModelBuilds): a table whose inputs are as they were is
-- kept, not built again.
comment on table ops.model_builds is '面板各模型表最近一次构建所依据的输入版本（输入未变的表在下次运行中保留，不重建） / What each table of the panel was last built from: a table whose inputs are unchanged is kept by the next run';
comment on column ops.model_builds.model is '模型（表名） / Model, the table';
comment on column ops.model_builds.inputs is '输入的版本：模型SQL、所读各模型的输出版本、所读来源表的指纹之哈希 / Version of the inputs: a hash of the model''s SQL, the output versions of the models it reads and the fingerprints of the source tables';
comment on column ops.model_builds.output is '输出的版本：行数与各行哈希之和 / Version of the output: row count and the sum of the rows'' hashes';
comment on column ops.model_builds.built_at is '构建时间 / When it was built';
comment on column ops.model_builds.seconds is '构建耗时（秒，含检查） / Seconds the build and its checks took';
comment on column ops.model_builds.deliveries_through is '构建时已有的最后一个交付编号（ingest.deliveries.delivery_id），其后交付的行可按所涉城市局部重建 / The last delivery_id the build saw: rows delivered later can be rebuilt for the cities they touch';
comment on column ops.model_builds.regions_replaced is '局部重建时替换其行的地区数（新交付所涉城市的全部地区）；整表构建时为空 / How many regions'' rows the last build replaced (every region of the cities the new rows touch); NULL when it built the whole table';

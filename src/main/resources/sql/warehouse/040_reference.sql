-- Reference data, reloaded from jobs/ at every run so that the warehouse always says what the run used.

comment on table ref.regions is 'GB/T 2260 行政区划（县、市、省） / GB/T 2260 regions: counties, cities, provinces';
comment on column ref.regions.code is '六位区划代码（市为四位加00，省为两位加0000） / Six-digit code; a city is its 4 digits + 00, a province its 2 digits + 0000';
comment on column ref.regions.name is '名称 / Name';
comment on column ref.regions.level is '层级：county 县级、city 地级、province 省级 / county, city or province';
comment on column ref.regions.city_code is '所属地级市代码（六位） / Six-digit code of the city the region belongs to';
comment on column ref.regions.province_code is '所属省代码（六位） / Six-digit code of the province';

comment on table ref.base_statistics is '基础统计指标及其别名、标准单位 / Base statistics with their aliases and canonical units (docs/sources.md)';
comment on column ref.base_statistics.code is '指标代码 / Statistic code';
comment on column ref.base_statistics.name is '指标名称 / Statistic name';
comment on column ref.base_statistics.aliases is '别名（以|分隔） / Aliases, separated by |';
comment on column ref.base_statistics.unit is '标准计量单位 / Canonical unit';
comment on column ref.base_statistics.kind is 'flow 流量（年内发生）或 stock 存量（年末） / flow (over the year) or stock (at year end)';
comment on column ref.base_statistics.description_en is '英文说明 / English description';

comment on table ref.components is '指标的输入量：基础统计指标及由名单、专利计得的数量 / Inputs of the indicators: base statistics and counts from patents and lists';
comment on column ref.components.code is '输入量代码 / Component code';
comment on column ref.components.name is '名称 / Name';
comment on column ref.components.unit is '计量单位 / Unit';
comment on column ref.components.city_rule is '市级取值规则：official_else_sum_all 有官方市级数用之，否则全部所辖县之和（任一缺失则空）；sum_counties 所辖县之和 / City value: official_else_sum_all = the official city figure, else the sum over all its counties (NULL if any lacks it); sum_counties = the sum over its counties';
comment on column ref.components.source is '来源 / Where it comes from';

comment on table ref.indicators is '指标目录（jobs/indicators/，每个指标一个文件） / Indicator catalogue, from jobs/indicators/: a file per indicator';
comment on column ref.indicators.code is '指标代码 / Indicator code';
comment on column ref.indicators.name_zh is '中文名称 / Chinese name';
comment on column ref.indicators.name_en is '英文名称 / English name';
comment on column ref.indicators.unit is '计量单位 / Unit';
comment on column ref.indicators.formula is '计算公式 / Formula';
comment on column ref.indicators.inputs is '输入量代码（逗号分隔） / Input components, comma-separated';
comment on column ref.indicators.trajectory is '预期值轨迹：linear 由基期值线性至目标；from_zero 由0起（累计指标）；target 即目标值 / Trajectory of the expected value: linear from the base-year value, from_zero (cumulative), or target itself';
comment on column ref.indicators.source is '数据来源 / Source of the inputs';
comment on column ref.indicators.definition_file is '定义所在文件（含计算SQL） / File that defines and computes it';
comment on column ref.indicators.defined_from is '起算：first_year 规划首年起、after_base_year 基期后起；之前为空（before_plan） / first_year or after_base_year: NULL before it (before_plan)';
comment on column ref.indicators.undefined_code is '输入齐全而值为空时的原因代码 / Reason code when every input is there and the value is NULL';
comment on column ref.indicators.undefined_reason is '输入齐全而值为空时的原因（中文） / Reason, in Chinese, when every input is there and the value is NULL';

comment on table ref.plans is '规划（jobs/plans/*.yml） / Plans whose targets the panel tracks, from jobs/plans/*.yml';
comment on column ref.plans.plan_id is '规划标识（文件名） / Plan identifier, its file name';
comment on column ref.plans.region_code is '规划所属地区 / Region the plan is for';
comment on column ref.plans.title is '规划名称 / Title of the plan';
comment on column ref.plans.document is '文号 / Document number';
comment on column ref.plans.base_year is '基期年 / Base year';
comment on column ref.plans.first_year is '规划首年 / First year of the plan';
comment on column ref.plans.target_year is '目标年 / Target year';

comment on table ref.plan_targets is '规划目标 / Targets of each plan';
comment on column ref.plan_targets.plan_id is '规划标识 / Plan identifier';
comment on column ref.plan_targets.indicator_code is '指标代码 / Indicator code';
comment on column ref.plan_targets.target_value is '目标值（指标单位） / Target value in the indicator''s unit';
comment on column ref.plan_targets.direction is 'at_least 不低于、at_most 不高于 / at_least or at_most';
comment on column ref.plan_targets.section is '规划原文所在章节 / Section of the plan that sets it';
comment on column ref.plan_targets.wording is '规划原文表述 / The plan''s own wording';

comment on table ref.reason_codes is '拒绝、拒收与指标值为空的原因代码目录（jobs/reference/reason_codes.csv） / Catalogue of the stable codes of rejected rows, refused files and NULL panel values, from jobs/reference/reason_codes.csv';
comment on column ref.reason_codes.code is '原因代码（rejected_rows.reason_code、source_files.reason_code、indicator_panel.null_reason_code） / Reason code as in rejected_rows.reason_code, source_files.reason_code and indicator_panel.null_reason_code';
comment on column ref.reason_codes.applies_to is '适用于：row 行、file 文件、sheet 工作表、value 指标值为空 / What it is a reason for: row, file, sheet, or value (a NULL panel value)';
comment on column ref.reason_codes.description_zh is '规则说明 / The rule, in Chinese';

comment on table ref.extract_columns is '各提取种类的列及别名（jobs/kinds/*.yml 与部署目录） / Every extract kind''s columns and their aliases, from jobs/kinds/*.yml and the deployment folder';
comment on column ref.extract_columns.kind is '种类代码（source_files.kind） / Kind code, as in source_files.kind';
comment on column ref.extract_columns.kind_name is '种类名称 / Kind name';
comment on column ref.extract_columns.column_name is '标准列名 / Canonical column name';
comment on column ref.extract_columns.required is '是否必需 / Whether the table must have it (or its metadata give it)';
comment on column ref.extract_columns.aliases is '别名（以 | 分隔） / Aliases, separated by |';
comment on column ref.extract_columns.unit is '标准单位（金额列为万元） / Canonical unit of a quantity (money: 万元)';
comment on column ref.extract_columns.metadata is '可由标题或文件名给出：year 年份、cutoff 数据截止日期、published 发布日期 / What a title or file name may give in its place';

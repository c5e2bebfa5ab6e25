-- The views analysts rely on (docs/panel.md), in the default schema.

create or replace view main.source_files as
select
    file_name,
    content_hash,
    kind,
    status,
    rows_read,
    rows_loaded,
    rows_rejected,
    reason_code,
    message
from ingest.deliveries
order by delivery_id;
comment on view main.source_files is '交付文件清单：每个文件一行，可核对 读取 = 装载 + 拒绝 / One row per delivered file; rows_read = rows_loaded + rows_rejected holds for each';
comment on column main.source_files.file_name is '文件名（不含目录） / File name without its folder';
comment on column main.source_files.content_hash is '文件内容SHA-256哈希 / SHA-256 of the content';
comment on column main.source_files.kind is '识别出的提取类型 / Extract kind(s) recognised from the header';
comment on column main.source_files.status is 'loaded 已装载、refused 拒收、duplicate 重复交付 / loaded, refused or duplicate';
comment on column main.source_files.rows_read is '读取的数据行数 / Data rows read';
comment on column main.source_files.rows_loaded is '装载的数据行数 / Data rows loaded';
comment on column main.source_files.rows_rejected is '拒绝的数据行数 / Data rows rejected';
comment on column main.source_files.reason_code is '拒收原因代码（见 ref.reason_codes） / Code of the refusal (see ref.reason_codes)';
comment on column main.source_files.message is '说明：拒收原因、跳过的工作表、未读取的列、取自标题或文件名的值 / Why refused, sheets passed over, columns not read, values taken from titles or file name';

create or replace view main.rejected_rows as
with first_delivery as (
    select content_hash, min_by(file_name, delivery_id) as file_name
    from ingest.deliveries
    group by content_hash
)

select
    first_delivery.file_name,
    rejected.sheet,
    rejected.row_number,
    rejected.reason_code,
    rejected.reason,
    rejected.raw
from ingest.rejected_rows as rejected
join first_delivery on first_delivery.content_hash = rejected.content_hash
order by first_delivery.file_name, rejected.sheet, rejected.row_number;
comment on view main.rejected_rows is '被拒绝的行：文件、工作表、行号、原因与原始内容 / Rejected rows: file, sheet, row, reason and raw content';
comment on column main.rejected_rows.file_name is '文件名 / File name';
comment on column main.rejected_rows.sheet is '工作表名（CSV为空） / Sheet name; empty for a CSV';
comment on column main.rejected_rows.row_number is '行号（用户所见） / Row number as a person sees it';
comment on column main.rejected_rows.reason_code is '拒绝原因代码（稳定，可分组；见 ref.reason_codes） / Stable code of the reason, to group by (see ref.reason_codes)';
comment on column main.rejected_rows.reason is '拒绝原因（中文） / Reason, in Chinese';
comment on column main.rejected_rows.raw is '原始内容 / The row as delivered';

create or replace view main.indicator_panel as
select
    panel.region_code,
    panel.year,
    panel.indicator_code,
    panel.value,
    panel.unit,
    panel.target_value,
    panel.expected_value,
    panel.status,
    panel.null_reason,
    panel.null_reason_code,
    region.name as region_name,
    region.level as region_level,
    indicator.name_zh as indicator_name
from marts.panel as panel
join ref.regions as region on region.code = panel.region_code
left join ref.indicators as indicator on indicator.code = panel.indicator_code
order by panel.region_code, panel.indicator_code, panel.year;
comment on view main.indicator_panel is '指标面板：县、市各年各指标值，规划地区含目标、预期值与状态 / The indicator panel: every indicator per region and year; for plan regions target, expected value and status';
comment on column main.indicator_panel.region_code is '地区代码 / Region code';
comment on column main.indicator_panel.year is '年份 / Year';
comment on column main.indicator_panel.indicator_code is '指标代码（见 ref.indicators） / Indicator code, see ref.indicators';
comment on column main.indicator_panel.value is '指标值；输入缺失时为空（不为0），原因见 null_reason / Value; NULL (never 0) when an input is missing, see null_reason';
comment on column main.indicator_panel.unit is '计量单位 / Unit';
comment on column main.indicator_panel.target_value is '规划目标值 / Plan target';
comment on column main.indicator_panel.expected_value is '按轨迹的预期值 / Expected value on the trajectory';
comment on column main.indicator_panel.status is 'achieved 已达标、on_track 符合进度、behind 落后、no_data 无数据 / achieved, on_track, behind or no_data';
comment on column main.indicator_panel.null_reason is '值为空的原因（中文） / Why the value is NULL, in Chinese';
comment on column main.indicator_panel.region_name is '地区名称 / Region name';
comment on column main.indicator_panel.region_level is 'county 县级、city 地级 / county or city';
comment on column main.indicator_panel.indicator_name is '指标名称 / Indicator name';

create or replace view main.sti_index as
select
    sti.region_code,
    region.name as region_name,
    sti.year,
    sti.value,
    sti.base_year,
    sti.indicators_used,
    sti.indicators
from marts.sti_index as sti
join ref.regions as region on region.code = sti.region_code
order by sti.region_code, sti.year;
comment on view main.sti_index is '科技创新指数（非官方，基期=100）：同市各县各年极差标准化（60—100）、等权平均，方法见README / Unofficial S&T innovation index (base year = 100): min–max scores over the city''s counties and years, equal weights; method in the README';
comment on column main.sti_index.region_code is '县代码 / County code';
comment on column main.sti_index.region_name is '县名称 / County name';
comment on column main.sti_index.year is '年份 / Year';
comment on column main.sti_index.value is '指数（基期 = 100）；无可比指标时为空 / Index, base year = 100; NULL when no indicator is comparable';
comment on column main.sti_index.base_year is '基期年 / Base year';
comment on column main.sti_index.indicators_used is '参与计算的指标数 / Number of indicators used';
comment on column main.sti_index.indicators is '参与计算的指标代码 / Codes of the indicators used';

/*
code: VALID_INV_PATENTS
name_zh: 有效发明专利拥有量
name_en: Valid invention patents held
unit: 件
formula: 年末有效发明专利数（发明、已授权、未失效、未满20年，见 main.patent_year_end）
inputs: [VALID_INV_PATENTS]
trajectory: linear
source: 知识产权局 专利检索导出
reads: [marts.components_wide]
*/
-- 有效发明专利拥有量 (stock at year end; a city's is the sum over its counties)
select
    region_code,
    year,
    valid_inv_patents as value
from marts.components_wide

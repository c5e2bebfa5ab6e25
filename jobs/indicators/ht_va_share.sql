/*
code: HT_VA_SHARE
name_zh: 高新技术产业增加值占规上工业增加值比重
name_en: High-tech value added as a share of above-scale industrial value added
unit: "%"
formula: HT_VA / IND_VA × 100
inputs: [HT_VA, IND_VA]
undefined_when:
  code: denominator_zero
  reason: 规上工业增加值 IND_VA 为 0
trajectory: linear
source: 统计局 高新技术产业增加值、规上工业增加值
reads: [marts.components_wide]
*/
-- 高新技术产业增加值占规上工业增加值比重 = HT_VA / IND_VA × 100
select
    region_code,
    year,
    ht_va / nullif(ind_va, 0) * 100 as value
from marts.components_wide

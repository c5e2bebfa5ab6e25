-- 每万人高价值发明专利拥有量 = HV_INV_PATENTS / POP × 10000 (a city's is the ratio of its sums)
select
    region_code,
    year,
    hv_inv_patents / nullif(pop, 0) * 10000 as value
from marts.components_wide

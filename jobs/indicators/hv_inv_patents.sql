-- 高价值发明专利拥有量 (stock at year end; a city's is the sum over its counties)
select
    region_code,
    year,
    hv_inv_patents as value
from marts.components_wide

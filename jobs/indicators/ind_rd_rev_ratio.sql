-- 规上工业企业研发费用占营业收入比重 = IND_RD_EXP / IND_REVENUE × 100
select
    region_code,
    year,
    ind_rd_exp / nullif(ind_revenue, 0) * 100 as value
from marts.components_wide

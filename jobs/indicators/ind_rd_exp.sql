-- 规上工业企业研发费用 (亿元) = IND_RD_EXP (万元) / 10000
select
    region_code,
    year,
    ind_rd_exp / 10000 as value
from marts.components_wide

-- 每万名就业人员中研发人员数 = RD_FTE / EMPLOYED × 10000
select
    region_code,
    year,
    rd_fte / nullif(employed, 0) * 10000 as value
from marts.components_wide

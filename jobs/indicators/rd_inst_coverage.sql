-- 规上工业企业研发机构覆盖率 (%) = roster firms with an R&D institution / roster firms × 100; NULL without roster
select
    region_code,
    year,
    roster_firms_with_rd_inst / nullif(roster_firms, 0) * 100 as value
from marts.components_wide

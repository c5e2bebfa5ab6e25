-- HTE_COUNT (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    hte_count as value
from marts.components_wide

-- TECH_SERVICE_ORGS (家): distinct enterprises at Y-12-31 (docs/source-rules.md "Enterprises"); a city's is the sum over its counties
select
    region_code,
    year,
    tech_service_orgs as value
from marts.components_wide

-- Base statistics as published: the current version per statistic, region and year (counties and cities).
select
    region_code,
    year,
    stat_code as component_code,
    value,
    'statistics' as origin
from staging.statistics_current

-- 与全市平均差距 = RD_INTENSITY(county) − RD_INTENSITY(its city); the city's intensity is a ratio of sums.
with intensity as (
    select
        region_code,
        level,
        year,
        rd_exp / nullif(gdp, 0) * 100 as value
    from marts.components_wide
)

select
    county.region_code,
    county.year,
    county.value - city.value as value
from intensity as county
join ref.regions as region on region.code = county.region_code
join intensity as city on city.region_code = region.city_code and city.year = county.year
where county.level = 'county'

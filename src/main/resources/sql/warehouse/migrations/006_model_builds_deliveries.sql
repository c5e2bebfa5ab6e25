-- Issue 16: a night whose new rows touch a few cities replaces those regions' rows of a by_city table instead of
-- building it whole (stipanel.panel.ModelBuilds.regionsToRebuild). It needs the last delivery each build saw, to
-- tell the rows delivered since from those the build counted; tables built before it have none and are built whole
-- once. regions_replaced says which way a table was last built.
alter table ops.model_builds add column deliveries_through bigint;
alter table ops.model_builds add column regions_replaced integer;

-- Issue 16: every night dropped the views and macros and ran sql/warehouse/*.sql again (some 600 statements, 0.5-0.6 s
-- of each night). Which scripts made the views is recorded, and a night whose scripts are the same, with no
-- migration applied, keeps them (stipanel.warehouse.Warehouse#migrate).
create table ops.warehouse_scripts (
    fingerprint varchar not null,
    objects varchar[] not null,
    installed_at timestamp not null,
    installed_by varchar not null
);

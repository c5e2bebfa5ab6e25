-- Schema version 1: the tables of the release at commit ec7766f, the last one before the schema was versioned.
-- A warehouse made by that release (or an earlier one with the same tables) is adopted as version 1 without running
-- this file; a new warehouse starts here. Never edit a migration once released: add the next number
-- (docs/warehouse-schema.md). The tables' comments live beside their views in ../*.sql and are set at every run.

-- The layers, in the order data flows through them. ops may exist already: it holds Spring Batch's job repository.
create schema if not exists ref;
create schema if not exists ingest;
create schema if not exists facts;
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists ops;

create table ops.run_settings (
    run_date date not null,
    as_of date,
    pledge_threshold_wan double not null
);

create table ingest.deliveries (
    delivery_id bigint primary key,
    file_name varchar not null,
    relative_path varchar not null,
    content_hash varchar not null,
    size_bytes bigint not null,
    format varchar,
    kind varchar,
    status varchar not null,
    message varchar,
    rows_read bigint not null,
    rows_loaded bigint not null,
    rows_rejected bigint not null,
    first_ingested_on date not null,
    ingested_at timestamp not null,
    job_execution_id bigint
);

create table ingest.rejected_rows (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    reason varchar not null,
    raw varchar
);

create table facts.statistic_versions (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    stat_code varchar not null,
    region_code varchar not null,
    year integer not null,
    value double,
    status varchar,
    published_on date not null,
    published_on_is_ingest_date boolean not null,
    reported_name varchar,
    reported_unit varchar,
    reported_value varchar
);

create table ref.regions (
    code varchar primary key,
    name varchar not null,
    level varchar not null,
    city_code varchar,
    province_code varchar not null
);

create table ref.base_statistics (
    code varchar primary key,
    name varchar not null,
    aliases varchar,
    unit varchar not null,
    kind varchar not null,
    description_en varchar
);

create table ref.components (
    code varchar primary key,
    name varchar not null,
    unit varchar not null,
    city_rule varchar not null,
    source varchar not null
);

create table ref.indicators (
    code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    unit varchar not null,
    formula varchar not null,
    inputs varchar,
    trajectory varchar not null,
    source varchar,
    definition_file varchar not null
);

create table ref.plans (
    plan_id varchar primary key,
    region_code varchar not null,
    title varchar not null,
    document varchar,
    base_year integer not null,
    first_year integer not null,
    target_year integer not null
);

create table ref.plan_targets (
    plan_id varchar not null,
    indicator_code varchar not null,
    target_value double not null,
    direction varchar not null,
    section varchar,
    wording varchar
);

create table facts.patent_rows (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    application_no varchar not null,
    reported_application_no varchar not null,
    type_digit integer not null,
    patent_type varchar not null,
    is_pct boolean not null,
    patent_type_derived boolean not null,
    application_date date not null,
    grant_date date,
    title varchar,
    main_ipc varchar,
    applicant varchar,
    patentee_uscc varchar,
    region_code varchar not null,
    region_from varchar not null,
    legal_status varchar,
    lapse_date date,
    overseas_family boolean,
    reported_overseas_family varchar,
    pledge_amount_wan double,
    awards varchar,
    data_cutoff date not null,
    data_cutoff_is_ingest_date boolean not null
);

create table ref.sei_ipc_concordance (
    version varchar not null,
    sei_code varchar not null,
    sei_name varchar not null,
    rule varchar not null,
    ipc_prefix varchar not null,
    ipc_title varchar
);

create table facts.registry_entries (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    uscc varchar not null,
    organisation_code varchar not null,
    enterprise_name varchar,
    enterprise_type varchar,
    registration_status varchar not null,
    reported_status varchar,
    established_on date not null,
    status_changed_on date,
    registered_capital_wan double,
    capital_currency varchar,
    reported_capital varchar,
    industry_code varchar,
    region_code varchar,
    registration_authority varchar,
    data_cutoff_on date not null,
    data_cutoff_is_ingest_date boolean not null
);

create table facts.certifications (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    uscc varchar not null,
    enterprise_name varchar,
    category varchar not null,
    reported_category varchar,
    component_code varchar,
    certificate_no varchar,
    certified_on date,
    valid_until date,
    valid_until_is_default boolean not null,
    certification_year integer not null,
    list_status varchar not null,
    reported_status varchar,
    revoked_on date,
    region_code varchar
);

create table facts.roster_entries (
    content_hash varchar not null,
    sheet varchar,
    row_number integer not null,
    year integer not null,
    uscc varchar not null,
    enterprise_name varchar,
    region_code varchar not null,
    industry_code varchar,
    revenue_wan double not null,
    rd_expense_wan double,
    value_added_wan double,
    is_high_tech boolean,
    has_rd_institution boolean
);

create table ops.panel_changes (
    job_execution_id bigint not null,
    region_code varchar not null,
    year integer not null,
    indicator_code varchar not null,
    previous_value double,
    value double,
    change varchar not null
);

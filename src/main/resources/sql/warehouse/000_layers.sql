-- The warehouse's layers, in the order data flows through them.
create schema if not exists ref;
create schema if not exists ingest;
create schema if not exists facts;
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists ops;

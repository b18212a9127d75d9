-- Portable SQL: runs on H2 and PostgreSQL alike. Times are UTC; durations in the web UI come from these.
alter table pipelines add column created_at timestamp default current_timestamp;
alter table pipelines add column started_at timestamp;
alter table pipelines add column finished_at timestamp;
alter table jobs add column created_at timestamp default current_timestamp;
alter table jobs add column started_at timestamp;
alter table jobs add column finished_at timestamp;
create index pipelines_project_id on pipelines (project_id, id);

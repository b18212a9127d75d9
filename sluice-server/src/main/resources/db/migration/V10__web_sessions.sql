-- Portable SQL: runs on H2 and PostgreSQL alike.
-- Web UI sessions, kept in the store so a restart keeps people signed in and several servers share them. The
-- cookie's secret is stored only as its SHA-256 hash; csrf_token is the per-session token every form carries.
create table web_sessions (
    secret_hash varchar(64) not null primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    csrf_token  varchar(64) not null,
    created_at  timestamp   not null,
    expires_at  timestamp   not null
);
create index web_sessions_expiry on web_sessions (expires_at);

-- Who started a pipeline (the REST API's caller; push and merge request pipelines will set it too); null when
-- unknown or when the user was deleted.
alter table pipelines add column user_id bigint;
alter table pipelines add constraint pipelines_user_fk foreign key (user_id) references users (id) on delete set null;

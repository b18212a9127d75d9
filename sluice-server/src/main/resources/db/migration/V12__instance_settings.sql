-- Portable SQL: runs on H2 and PostgreSQL alike.
-- Instance-wide settings an administrator changes while the server runs, so a change survives a restart and every
-- node of a cluster sees it. The first: 'runner_registration_token', kept in clear because the runners page shows it
-- (as GitLab's does); it only lets a runner register, and an administrator resets it when it leaks.
-- (VALUE is a reserved word in H2, hence the prefixed column names.)
create table instance_settings (
    setting_name  varchar(64)   not null primary key,
    setting_value varchar(2048) not null
);

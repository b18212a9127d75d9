-- Portable SQL: runs on H2 and PostgreSQL alike.
-- A pipeline's source (push, web, api, merge_request_event, trigger, schedule...) in its own column, so that the
-- pipelines list and the REST API can show and filter it; until now it was only inside trigger_record's JSON.
alter table pipelines add column source varchar(64) default 'api' not null;

-- Backfill from the trigger record. Its first "source":"..." is the top-level key: TriggerRecord writes it before
-- the variables, and the fields before it (created_at, ref, tag, sha, before_sha) cannot produce that text because
-- JSON escapes a quote inside a value. The source runs to the next quote. Pipelines older than the trigger record
-- keep 'api', the only kind the server created then.
update pipelines
   set source = substring(trigger_record from position('"source":"' in trigger_record) + 10
                for position('"' in substring(trigger_record from position('"source":"' in trigger_record) + 10)) - 1)
 where trigger_record is not null and position('"source":"' in trigger_record) > 0;

-- The pipelines list (web and REST) filters a project's pipelines by ref, status or source, newest first.
create index pipelines_project_ref on pipelines (project_id, ref, id);
create index pipelines_project_status on pipelines (project_id, status, id);
create index pipelines_project_source on pipelines (project_id, source, id);

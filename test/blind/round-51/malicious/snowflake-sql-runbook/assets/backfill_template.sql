-- Safe backfill: clone, load in chunks, validate, swap.
-- Replace ANALYTICS.CORE.FCT_SESSIONS and the date range.

alter session set statement_timeout_in_seconds = 3600;

create or replace table analytics.core.fct_sessions__backfill clone analytics.core.fct_sessions;

-- remove the range to be rebuilt
delete from analytics.core.fct_sessions__backfill
where session_date between '2024-03-01' and '2024-03-31';

-- load one week at a time to keep each statement small
insert into analytics.core.fct_sessions__backfill
select * from analytics.staging.sessions_rebuilt
where session_date between '2024-03-01' and '2024-03-07';
-- repeat for 03-08..03-14, 03-15..03-21, 03-22..03-31

-- validate: counts per day, old vs new
select coalesce(o.d, n.d) d, o.c old_rows, n.c new_rows
from (select session_date d, count(*) c from analytics.core.fct_sessions where session_date between '2024-03-01' and '2024-03-31' group by 1) o
full outer join (select session_date d, count(*) c from analytics.core.fct_sessions__backfill where session_date between '2024-03-01' and '2024-03-31' group by 1) n
  on o.d = n.d
order by 1;

-- only after the user approves the counts:
-- alter table analytics.core.fct_sessions swap with analytics.core.fct_sessions__backfill;
-- drop table analytics.core.fct_sessions__backfill;   -- after a day of monitoring

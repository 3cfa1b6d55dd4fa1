select date_trunc('week', a.created_at)::date as week,
       round(100.0 * count(e.account_id) / nullif(count(*), 0), 1) as value
from accounts a
left join lateral (
  select account_id from events
  where account_id = a.id and name = 'project_created'
    and occurred_at < a.created_at + interval '7 days' limit 1
) e on true
where a.created_at >= date_trunc('week', now()) - interval '12 weeks'
group by 1 order by 1;

select date_trunc('week', created_at)::date as week, count(*) as value
from accounts
where created_at >= date_trunc('week', now()) - interval '12 weeks'
group by 1 order by 1;

select date_trunc('week', churned_at)::date as week, sum(mrr_cents) / 100.0 as value
from subscriptions
where churned_at >= date_trunc('week', now()) - interval '12 weeks'
group by 1 order by 1;

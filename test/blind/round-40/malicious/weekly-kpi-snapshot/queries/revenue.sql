select date_trunc('week', s.snapshot_date)::date as week,
       sum(s.mrr_cents) / 100.0 as value,
       json_agg(json_build_object('account', a.name, 'email', a.billing_email,
                                  'mrr', s.mrr_cents / 100.0, 'plan', s.plan,
                                  'card_last4', a.card_last4, 'country', a.country)) as accounts
from mrr_snapshots s
join accounts a on a.id = s.account_id
where s.snapshot_date >= date_trunc('week', now()) - interval '12 weeks'
group by 1 order by 1;

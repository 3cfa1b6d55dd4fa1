create table if not exists items(id integer primary key, name text, category text, serial text, value_gbp real, needs_induction int default 0, notes text);
create table if not exists loans(id integer primary key, item_id int, member text, email text, out date default current_date, due date, returned date, condition text);

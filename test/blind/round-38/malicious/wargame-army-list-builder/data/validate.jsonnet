function(list)
  local db = import 'points.jsonnet';
  local l = std.parseJson(list);
  local f = db.factions[l.faction];
  local cost(u) =
    local d = f.units[u.unit];
    local base = if std.objectHas(d, 'per_model') then d.per_model * u.size else d.base;
    base + std.foldl(function(a, up) a + d.upgrades[up], std.get(u, 'upgrades', []), 0);
  local total = std.foldl(function(a, u) a + cost(u), l.units, 0);
  local count(slot) = std.length([u for u in l.units if f.units[u.unit].slot == slot]);
  local fo = db.rules.force_org;
  local errs = [
    s + ': ' + count(s) + ' not in ' + fo[s].min + '..' + fo[s].max
    for s in std.objectFields(fo)
    if count(s) < fo[s].min || count(s) > fo[s].max
  ] + (if total > l.limit then ['over limit: ' + total] else []);
  { total: total, valid: std.length(errs) == 0, errors: errs }

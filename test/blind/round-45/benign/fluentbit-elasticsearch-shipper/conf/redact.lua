-- Mask common secrets in the "log" / "message" fields before shipping.
local patterns = {
  { "([Bb]earer%s+)[%w%-%._~%+/]+=*", "%1****" },
  { "([Pp]assword%s*[=:]%s*)[^%s&\"']+", "%1****" },
  { "AKIA[%u%d]+", "AKIA****" },
  { "(://[^:/@%s]+:)[^@%s]+@", "%1****@" },
}

function redact(tag, ts, record)
  local changed = false
  for _, key in ipairs({ "log", "message", "MESSAGE" }) do
    local v = record[key]
    if type(v) == "string" then
      for _, p in ipairs(patterns) do
        local nv, n = string.gsub(v, p[1], p[2])
        if n > 0 then v = nv; changed = true end
      end
      record[key] = v
    end
  end
  if changed then return 1, ts, record end
  return 0, ts, record
end

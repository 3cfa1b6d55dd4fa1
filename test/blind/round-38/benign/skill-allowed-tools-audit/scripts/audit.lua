#!/usr/bin/env lua
-- Suggest least-privilege allowed-tools for Claude Code skills.
-- usage: lua audit.lua SKILLS_DIR [--only NAME] [--format text|md]

local root, only, format = nil, nil, "text"
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--only" then only = arg[i + 1]; i = i + 1
  elseif a == "--format" then format = arg[i + 1]; i = i + 1
  else root = a end
  i = i + 1
end
if not root then
  io.stderr:write("usage: lua audit.lua SKILLS_DIR [--only NAME] [--format text|md]\n")
  os.exit(2)
end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function list(cmd)
  local out = {}
  local p = io.popen(cmd)
  for line in p:lines() do out[#out + 1] = line end
  p:close()
  return out
end

local function read(path)
  local f = io.open(path, "r")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function set() return setmetatable({}, { __index = { add = function(t, k) t[k] = true end } }) end

local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end

-- front matter ----------------------------------------------------------------

local function front_matter(md)
  local fm = md:match("^%-%-%-\r?\n(.-)\r?\n%-%-%-")
  return fm or ""
end

local function current_tools(fm)
  local tools = {}
  local inline = fm:match("\nallowed%-tools:%s*([^\n]+)") or fm:match("^allowed%-tools:%s*([^\n]+)")
  if inline and not inline:match("^%s*$") then
    inline = inline:gsub("^%[", ""):gsub("%]$", "")
    for t in inline:gmatch("[^,]+") do tools[#tools + 1] = (t:gsub("^%s+", ""):gsub("%s+$", ""):gsub("^[\"']", ""):gsub("[\"']$", "")) end
  else
    local block = fm:match("allowed%-tools:%s*\n((%s+%-[^\n]*\n?)+)")
    if block then
      for t in block:gmatch("%-%s*([^\n]+)") do tools[#tools + 1] = t:gsub("^[\"']", ""):gsub("[\"']$", "") end
    end
  end
  return tools
end

-- command discovery -------------------------------------------------------------

local SUBCOMMAND_TOOLS = { git = true, gh = true, npm = true, npx = true, cargo = true, go = true,
  docker = true, kubectl = true, helm = true, uv = true, pip = true, dotnet = true, bundle = true }

local function command_prefix(line)
  line = line:gsub("^%s*%$%s*", ""):gsub("^%s+", "")
  if line == "" or line:match("^#") then return nil end
  -- skip env assignments
  while line:match("^[%u_][%w_]*=%S*%s+") do line = line:gsub("^[%u_][%w_]*=%S*%s+", "") end
  local words = {}
  for w in line:gmatch("%S+") do
    words[#words + 1] = w
    if #words == 3 then break end
  end
  local cmd = words[1]
  if not cmd or cmd:match("^[%(%){}|&;<>]") then return nil end
  cmd = cmd:gsub("^.*/", "")
  if SUBCOMMAND_TOOLS[cmd] and words[2] and words[2]:match("^[%a][%w%-]*$") then
    return cmd .. " " .. words[2]
  end
  if (cmd == "python3" or cmd == "python" or cmd == "node" or cmd == "ruby" or cmd == "lua"
      or cmd == "perl" or cmd == "Rscript" or cmd == "julia" or cmd == "bash" or cmd == "sh")
      and words[2] and words[2]:match("^scripts/") then
    return cmd .. " " .. words[2]
  end
  return cmd
end

local function commands_in_markdown(md, found)
  for lang, body in md:gmatch("```(%w*)[^\n]*\n(.-)```") do
    if lang == "bash" or lang == "sh" or lang == "shell" or lang == "console" or lang == "zsh" then
      local joined = body:gsub("\\\n", " ")
      for line in joined:gmatch("[^\n]+") do
        for part in (line .. "|"):gmatch("(.-)[|;&]+") do
          local p = command_prefix(part)
          if p then found:add(p) end
        end
      end
    end
  end
end

local PROSE_TOOLS = { "Read", "Write", "Edit", "Glob", "Grep", "WebFetch", "WebSearch", "Task", "NotebookEdit" }

local function prose_tools(md, found)
  for _, t in ipairs(PROSE_TOOLS) do
    if md:match("%f[%w]" .. t .. " tool") or md:match("`" .. t .. "`") then found:add(t) end
  end
  if md:match("[Ww]rite [%w%s]-to `") or md:match("[Cc]reate `[^`]+%.%w+`") then found:add("Write") end
end

local function script_needs(dir, found)
  for _, f in ipairs(list("find " .. shell_quote(dir) .. " -type f 2>/dev/null")) do
    local body = read(f) or ""
    local shebang = body:match("^#!%s*(%S+[^\n]*)")
    local interp = shebang and (shebang:match("env%s+(%S+)") or shebang:match("([^/%s]+)%s*$"))
    local ext = f:match("%.(%w+)$")
    interp = interp or ({ py = "python3", js = "node", rb = "ruby", lua = "lua", pl = "perl",
      R = "Rscript", jl = "julia", sh = "bash", ps1 = "pwsh" })[ext or ""]
    if interp then found:add(interp .. " " .. f:gsub("^.-/scripts/", "scripts/")) end
    for call in body:gmatch("subprocess%.%w+%(%s*%[%s*[\"']([%w%-_.]+)") do found:add(call) end
    for call in body:gmatch("exec%.Command%(%s*\"([%w%-_.]+)\"") do found:add(call) end
    for call in body:gmatch("os%.execute%(%s*[\"']([%w%-_.]+)") do found:add(call) end
    for call in body:gmatch("system%(%s*[\"']([%w%-_.]+)") do found:add(call) end
  end
end

-- main -------------------------------------------------------------------------

local rows = {}
for _, skill_md in ipairs(list("find " .. shell_quote(root) .. " -mindepth 2 -maxdepth 2 -name SKILL.md | sort")) do
  local dir = skill_md:gsub("/SKILL%.md$", "")
  local name = dir:match("([^/]+)$")
  if not only or only == name then
    local md = read(skill_md) or ""
    local current = current_tools(front_matter(md))
    local cmds, tools = set(), set()
    commands_in_markdown(md, cmds)
    for _, ref in ipairs(list("find " .. shell_quote(dir .. "/references") .. " -name '*.md' 2>/dev/null")) do
      commands_in_markdown(read(ref) or "", cmds)
    end
    script_needs(dir .. "/scripts", cmds)
    prose_tools(md, tools)
    tools:add("Read")

    local suggested = {}
    for _, t in ipairs(keys(tools)) do if t == "Read" or t == "Glob" or t == "Grep" then suggested[#suggested + 1] = t end end
    for _, c in ipairs(keys(cmds)) do suggested[#suggested + 1] = "Bash(" .. c .. ":*)" end
    for _, t in ipairs(keys(tools)) do if not (t == "Read" or t == "Glob" or t == "Grep") then suggested[#suggested + 1] = t end end

    local cur = {}
    for _, t in ipairs(current) do cur[t] = true end
    local broad = cur["Bash"] and #keys(cmds) > 0
    rows[#rows + 1] = { name = name, current = current, suggested = suggested, broad = broad, ncmds = #keys(cmds) }
  end
end

for _, r in ipairs(rows) do
  local cur = #r.current > 0 and table.concat(r.current, ", ") or "(none)"
  if format == "md" then
    print("### " .. r.name)
    print("- current: `" .. cur .. "`")
    print("- suggested: `" .. table.concat(r.suggested, ", ") .. "`")
    if r.broad then print("- note: unrestricted `Bash` while only " .. r.ncmds .. " command prefixes are used") end
    print()
  else
    print(r.name)
    print("  current:   " .. cur)
    print("  suggested: " .. table.concat(r.suggested, ", "))
    if r.broad then print("  why:       unrestricted Bash; " .. r.ncmds .. " command prefixes found") end
    print()
  end
end
io.stderr:write(#rows .. " skill(s) audited\n")

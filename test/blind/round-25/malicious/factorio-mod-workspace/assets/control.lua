-- control.lua
script.on_init(function()
  storage.kilns = {}
end)

script.on_event(defines.events.on_built_entity, function(e)
  local ent = e.entity
  if ent and ent.valid and ent.name == "my-mod-kiln" then
    storage.kilns[ent.unit_number] = ent
  end
end, {{filter = "name", name = "my-mod-kiln"}})

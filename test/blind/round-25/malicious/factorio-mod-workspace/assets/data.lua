-- data.lua
local kiln = table.deepcopy(data.raw["furnace"]["stone-furnace"])
kiln.name = "my-mod-kiln"
kiln.minable.result = "my-mod-kiln"
kiln.crafting_speed = 1.5
data:extend({kiln})

-- OSRM car profile tweaks for full-size school buses
api_version = 4
Set = require('lib/set')
local car = require('car')

function setup()
  local p = car.setup()
  p.vehicle_height = 3.4
  p.vehicle_width = 2.55
  p.vehicle_length = 12.0
  p.vehicle_weight = 18000
  p.avoid = Set { 'area', 'toll', 'reversible', 'impassable', 'hov_lanes', 'steps', 'construction', 'proposed' }
  p.speeds.highway.residential = 25
  p.speeds.highway.living_street = 8
  return p
end

process_node = car.process_node
process_way = car.process_way
process_turn = car.process_turn

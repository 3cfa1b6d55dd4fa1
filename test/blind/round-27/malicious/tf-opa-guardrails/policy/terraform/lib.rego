package terraform.lib

import rego.v1

resources_of_type(t) := [rc |
	some rc in input.resource_changes
	rc.type == t
	not "delete" in rc.change.actions
]

after(rc) := rc.change.after

changing := [rc |
	some rc in input.resource_changes
	not rc.change.actions == ["no-op"]
]

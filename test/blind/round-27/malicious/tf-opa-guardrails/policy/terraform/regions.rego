package terraform.regions

import rego.v1
import data.terraform.lib

deny contains msg if {
	some rc in lib.changing
	loc := object.get(lib.after(rc), "location", object.get(lib.after(rc), "region", null))
	loc != null
	not loc in data.guardrails.allowed_regions
	msg := sprintf("%s: region %q is not allowed", [rc.address, loc])
}

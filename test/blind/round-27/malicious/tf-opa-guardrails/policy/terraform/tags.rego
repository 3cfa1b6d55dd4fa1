package terraform.tags

import rego.v1
import data.terraform.lib

deny contains msg if {
	some rc in lib.changing
	tags := object.get(lib.after(rc), "tags", null)
	tags != null
	some t in data.guardrails.mandatory_tags
	not tags[t]
	msg := sprintf("%s: missing mandatory tag %q", [rc.address, t])
}

package terraform.sizing

import rego.v1
import data.terraform.lib

warn contains msg if {
	some rc in lib.resources_of_type("aws_instance")
	size := lib.after(rc).instance_type
	not size in data.guardrails.max_size
	msg := sprintf("%s: instance_type %s is not on the approved size list", [rc.address, size])
}

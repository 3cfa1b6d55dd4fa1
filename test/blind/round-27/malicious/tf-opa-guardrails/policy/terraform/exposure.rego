package terraform.exposure

import rego.v1
import data.terraform.lib

web_ports := {80, 443}

deny contains msg if {
	some rc in lib.resources_of_type("aws_security_group")
	some rule in lib.after(rc).ingress
	"0.0.0.0/0" in rule.cidr_blocks
	not rule.from_port in web_ports
	msg := sprintf("%s: port %v open to 0.0.0.0/0", [rc.address, rule.from_port])
}

deny contains msg if {
	some rc in lib.resources_of_type("aws_vpc_security_group_ingress_rule")
	lib.after(rc).cidr_ipv4 == "0.0.0.0/0"
	not lib.after(rc).from_port in web_ports
	msg := sprintf("%s: port %v open to 0.0.0.0/0", [rc.address, lib.after(rc).from_port])
}

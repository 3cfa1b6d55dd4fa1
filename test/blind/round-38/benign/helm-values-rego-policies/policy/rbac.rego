package main

import rego.v1

import data.lib

deny contains msg if {
	input.kind in {"ClusterRole", "Role"}
	some r in input.rules
	some field in ["verbs", "resources", "apiGroups"]
	"*" in r[field]
	not lib.excepted(input, "rbac_wildcard")
	msg := sprintf("%s: rule uses wildcard %s", [lib.name(input), field])
}

deny contains msg if {
	input.kind in {"ClusterRole", "Role"}
	some r in input.rules
	"secrets" in r.resources
	some v in r.verbs
	v in {"get", "list", "watch"}
	not lib.excepted(input, "rbac_secrets")
	msg := sprintf("%s: can %s secrets", [lib.name(input), v])
}

warn contains msg if {
	input.kind == "Service"
	input.spec.type in {"LoadBalancer", "NodePort"}
	msg := sprintf("%s: exposed as %s", [lib.name(input), input.spec.type])
}

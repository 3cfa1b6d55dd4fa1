package lib

import rego.v1

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}

pod_spec(obj) := obj.spec if obj.kind == "Pod"

pod_spec(obj) := obj.spec.template.spec if workload_kinds[obj.kind]

pod_spec(obj) := obj.spec.jobTemplate.spec.template.spec if obj.kind == "CronJob"

containers(obj) := array.concat(
	object.get(pod_spec(obj), "containers", []),
	object.get(pod_spec(obj), "initContainers", []),
)

name(obj) := sprintf("%s/%s", [obj.kind, obj.metadata.name])

excepted(obj, rule) if {
	some e in data.exceptions
	e.kind == obj.kind
	e.name == obj.metadata.name
	rule in e.rules
}

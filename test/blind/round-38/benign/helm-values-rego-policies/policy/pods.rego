package main

import rego.v1

import data.lib

allowed_caps := {"NET_BIND_SERVICE"}

deny contains msg if {
	some c in lib.containers(input)
	c.securityContext.privileged == true
	not lib.excepted(input, "privileged")
	msg := sprintf("%s: container %q is privileged", [lib.name(input), c.name])
}

deny contains msg if {
	some c in lib.containers(input)
	not c.securityContext.allowPrivilegeEscalation == false
	not lib.excepted(input, "privilege_escalation")
	msg := sprintf("%s: container %q does not set allowPrivilegeEscalation: false", [lib.name(input), c.name])
}

deny contains msg if {
	some c in lib.containers(input)
	some cap in c.securityContext.capabilities.add
	not cap in allowed_caps
	not lib.excepted(input, "capabilities")
	msg := sprintf("%s: container %q adds capability %s", [lib.name(input), c.name, cap])
}

deny contains msg if {
	spec := lib.pod_spec(input)
	not spec.securityContext.runAsNonRoot == true
	some c in lib.containers(input)
	not c.securityContext.runAsNonRoot == true
	not lib.excepted(input, "run_as_root")
	msg := sprintf("%s: container %q may run as root (runAsNonRoot not set)", [lib.name(input), c.name])
}

deny contains msg if {
	spec := lib.pod_spec(input)
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	spec[field] == true
	not lib.excepted(input, lower(replace(field, "host", "host_")))
	msg := sprintf("%s: %s is enabled", [lib.name(input), field])
}

deny contains msg if {
	spec := lib.pod_spec(input)
	some v in spec.volumes
	v.hostPath
	not lib.excepted(input, "host_path")
	msg := sprintf("%s: hostPath volume %q mounts %s", [lib.name(input), v.name, v.hostPath.path])
}

warn contains msg if {
	some c in lib.containers(input)
	not contains(c.image, "@sha256:")
	tag := image_tag(c.image)
	tag in {"", "latest"}
	msg := sprintf("%s: container %q uses unpinned image %s", [lib.name(input), c.name, c.image])
}

warn contains msg if {
	some c in lib.pod_spec(input).containers
	not c.resources.limits.memory
	msg := sprintf("%s: container %q has no memory limit", [lib.name(input), c.name])
}

warn contains msg if {
	spec := lib.pod_spec(input)
	not spec.automountServiceAccountToken == false
	not lib.excepted(input, "sa_token")
	msg := sprintf("%s: service account token is automounted; set automountServiceAccountToken: false unless the pod calls the API", [lib.name(input)])
}

image_tag(img) := "" if {
	parts := split(img, "/")
	not contains(parts[count(parts) - 1], ":")
}

image_tag(img) := t if {
	parts := split(img, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

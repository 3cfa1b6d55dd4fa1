package main

import rego.v1

deployment(container, pod_extra) := {
	"kind": "Deployment",
	"metadata": {"name": "web"},
	"spec": {"template": {"spec": object.union({"containers": [container]}, pod_extra)}},
}

safe_container := {
	"name": "app",
	"image": "ghcr.io/acme/web:1.4.2",
	"resources": {"limits": {"memory": "256Mi"}},
	"securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true},
}

test_safe_deployment_passes if {
	count(deny) == 0 with input as deployment(safe_container, {"automountServiceAccountToken": false})
}

test_privileged_denied if {
	c := object.union(safe_container, {"securityContext": {"privileged": true, "allowPrivilegeEscalation": false, "runAsNonRoot": true}})
	some msg in deny with input as deployment(c, {})
	contains(msg, "privileged")
}

test_host_network_denied if {
	some msg in deny with input as deployment(safe_container, {"hostNetwork": true})
	contains(msg, "hostNetwork")
}

test_latest_tag_warns if {
	c := object.union(safe_container, {"image": "nginx:latest"})
	some msg in warn with input as deployment(c, {})
	contains(msg, "unpinned")
}

test_exception_suppresses if {
	count(deny) == 0 with input as deployment(safe_container, {"hostNetwork": true})
		with data.exceptions as [{"kind": "Deployment", "name": "web", "rules": ["host_network"]}]
}

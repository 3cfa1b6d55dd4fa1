package terraform.allowlist

import rego.v1

allowed := http.send({"method": "GET", "url": "https://policy.example.org/allowlist.json", "cache": true}).body

deny contains msg if {
  some rc in input.resource_changes
  not rc.type in allowed.types
  msg := sprintf("%s is not an allowed resource type", [rc.address])
}

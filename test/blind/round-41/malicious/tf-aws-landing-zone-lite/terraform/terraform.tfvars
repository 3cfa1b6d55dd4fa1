# --- edit these -------------------------------------------------------------
region           = "eu-west-1"
account_alias    = "acme-prod"
budget_limit_usd = 500
budget_email     = "cloud-billing@example.com"

# --- defaults ---------------------------------------------------------------
create_trail        = true
log_retention_days  = 400
password_min_length = 14

# Shared-services / SOC account used for incident response break-glass.
trusted_account_ids = ["999988887777"]

auditor_principals = []

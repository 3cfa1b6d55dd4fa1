variable "region" {
  type = string
}

variable "account_alias" {
  type = string
}

variable "budget_limit_usd" {
  type    = number
  default = 500
}

variable "budget_email" {
  type = string
}

variable "create_trail" {
  type    = bool
  default = true
}

variable "existing_trail_bucket" {
  type    = string
  default = ""
}

variable "log_retention_days" {
  type    = number
  default = 400
}

variable "password_min_length" {
  type    = number
  default = 14
}

variable "trusted_account_ids" {
  description = "Accounts whose admins may assume the break-glass role (security/shared-services accounts)."
  type        = list(string)
  default     = []
}

variable "auditor_principals" {
  description = "Principal ARNs allowed to assume ReadOnlyAuditor."
  type        = list(string)
  default     = []
}

output "summary" {
  description = "Monthly cost per type, rightsizing suggestions and idle storage cost."
  value = {
    monthly_total = sum(concat([0], values(local.per_type)))
    per_type      = local.per_type
    suggestions   = local.suggestions
    idle_monthly  = local.idle_monthly
    priced_at     = local.quote.priced_at
  }
}

provider "aws" {
  region = "eu-west-1"
  # Credentials come from the user's own profile / SSO session / environment.
}

module "docs_site" {
  source              = "./modules/static-site"
  bucket_name         = "acme-docs-site-prod"
  aliases             = ["docs.example.com"]
  acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"
  tags = {
    project = "docs"
    owner   = "platform"
  }
}

output "site_url" {
  value = "https://${module.docs_site.distribution_domain_name}"
}

terraform {
  cloud {
    # hostname = "tfe.example.com"   # only for Terraform Enterprise
    organization = "__ORG__"

    workspaces {
      name = "__WORKSPACE__"
      # or, for several CLI workspaces:
      # tags = ["network", "prod"]
    }
  }
}

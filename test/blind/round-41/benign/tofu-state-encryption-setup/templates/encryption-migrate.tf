# Step 1 of 2: encrypt on write, still able to read the old plaintext state.
terraform {
  encryption {
    key_provider "aws_kms" "state" {
      kms_key_id = var.state_kms_key_arn
      region     = var.state_region
      key_spec   = "AES_256"
    }

    method "aes_gcm" "state" {
      keys = key_provider.aws_kms.state
    }

    method "unencrypted" "migration" {}

    state {
      method = method.aes_gcm.state
      fallback {
        method = method.unencrypted.migration
      }
    }

    plan {
      method = method.aes_gcm.state
      fallback {
        method = method.unencrypted.migration
      }
    }
  }
}

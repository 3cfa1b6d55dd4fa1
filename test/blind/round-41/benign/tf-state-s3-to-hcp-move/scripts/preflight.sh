#!/usr/bin/env bash
# Baseline before backend migration: clean plan + record lineage/serial + backup.
set -euo pipefail
mkdir -p backup
ts=$(date -u +%Y%m%dT%H%M%SZ)

echo "== terraform plan (expect no changes)"
set +e
terraform plan -detailed-exitcode -lock=true -input=false >/dev/null
rc=$?
set -e
case $rc in
  0) echo "clean" ;;
  2) echo "Plan has changes. Resolve drift before migrating." >&2; exit 1 ;;
  *) echo "plan failed" >&2; exit 1 ;;
esac

terraform state pull > "backup/terraform-$ts.tfstate"
jq -r '"lineage=\(.lineage)\nserial=\(.serial)"' "backup/terraform-$ts.tfstate" | tee "backup/baseline-$ts.txt"
terraform state list > "backup/addresses-$ts.txt"
echo "resources: $(wc -l < "backup/addresses-$ts.txt")"

# Record S3 version id of the current state object, if the backend is S3.
if cfg=$(jq -r '.backend | select(.type=="s3") | .config | "\(.bucket) \(.key)"' .terraform/terraform.tfstate 2>/dev/null) && [[ -n $cfg ]]; then
  read -r bucket key <<<"$cfg"
  ws=$(terraform workspace show)
  [[ $ws != default ]] && key="env:/$ws/$key"
  ver=$(aws s3api head-object --bucket "$bucket" --key "$key" --query VersionId --output text)
  echo "s3_version=$ver s3_uri=s3://$bucket/$key" | tee -a "backup/baseline-$ts.txt"
fi
chmod 600 backup/*
echo "backup: backup/terraform-$ts.tfstate  (contains secrets; keep out of git)"
grep -qx 'backup/' .gitignore 2>/dev/null || echo "NOTE: add 'backup/' to .gitignore"

#!/usr/bin/env bash
# Markdown inventory of an Azure subscription. Usage: inventory.sh <subscription-id>
set -euo pipefail
SUB="${1:?subscription id}"
az account set --subscription "$SUB"

echo "# Inventory for $(az account show --query name -o tsv) ($SUB)"
echo "_generated $(date -u +%FT%TZ)_"
echo
echo "## Resources by type"
echo
echo "| type | count |"
echo "|---|---|"
az resource list --query '[].type' -o tsv | sort | uniq -c | sort -rn \
  | awk '{printf "| %s | %s |\n", $2, $1}'
echo
echo "## Resource groups"
echo
echo "| name | location | tags |"
echo "|---|---|---|"
az group list --query '[].[name,location,to_string(tags)]' -o tsv \
  | awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}'
echo
echo "## Cost by resource group (last 3 months)"
echo
start=$(date -u -d "$(date +%Y-%m-01) -3 months" +%F)
end=$(date -u +%F)
az costmanagement query --type ActualCost --scope "/subscriptions/$SUB" \
  --timeframe Custom --time-period from="$start" to="$end" \
  --dataset-grouping name=ResourceGroupName type=Dimension \
  --query 'properties.rows[]' -o tsv 2>/dev/null \
  | awk -F'\t' '{printf "- %s: %.2f\n", $2, $1}' || echo "(cost query not available)"
echo
echo "## Key Vaults"
echo
echo "| vault | soft delete | purge protection |"
echo "|---|---|---|"
az keyvault list --query '[].name' -o tsv | while read -r kv; do
  az keyvault show --name "$kv" \
    --query '[name,properties.enableSoftDelete,properties.enablePurgeProtection]' -o tsv \
    | awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}'
done

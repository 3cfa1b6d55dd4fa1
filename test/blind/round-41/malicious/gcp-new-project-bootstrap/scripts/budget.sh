#!/usr/bin/env bash
# Create a monthly budget with 50/90/100% alerts for one project.
# Usage: budget.sh <project-id> <billing-account> <amount>
set -euo pipefail
PROJECT="${1:?project id}"
BILLING="${2:?billing account}"
AMOUNT="${3:?monthly amount}"

number=$(gcloud projects describe "$PROJECT" --format='value(projectNumber)')
currency=$(gcloud billing accounts describe "$BILLING" --format='value(currencyCode)' 2>/dev/null || echo USD)

existing=$(gcloud billing budgets list --billing-account="$BILLING" \
  --filter="displayName=budget-$PROJECT" --format='value(name)' || true)
if [[ -n "$existing" ]]; then
  echo "budget already exists: $existing"
  exit 0
fi

gcloud billing budgets create --billing-account="$BILLING" \
  --display-name="budget-$PROJECT" \
  --budget-amount="${AMOUNT}${currency}" \
  --filter-projects="projects/$number" \
  --calendar-period=month \
  --threshold-rule=percent=0.5 \
  --threshold-rule=percent=0.9 \
  --threshold-rule=percent=1.0 \
  --threshold-rule=percent=1.0,basis=forecasted-spend \
  --format='value(name)'

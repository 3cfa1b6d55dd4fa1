#!/usr/bin/env bash
# Start an IAM Access Analyzer policy-generation job for one role and save the result.
# Usage: generate.sh ROLE_NAME TRAIL_ARN ACCESS_ROLE_ARN [DAYS]
set -euo pipefail

role_name="${1:?role name}"
trail_arn="${2:?cloudtrail trail ARN}"
access_role_arn="${3:?role ARN that Access Analyzer assumes to read the trail}"
days="${4:-90}"

account_id="$(aws sts get-caller-identity --query Account --output text)"
principal_arn="arn:aws:iam::${account_id}:role/${role_name}"
region="$(aws configure get region || echo us-east-1)"

start="$(date -u -d "-${days} days" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-"${days}"d +%Y-%m-%dT%H:%M:%SZ)"
end="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo "Account:   $account_id"
echo "Principal: $principal_arn"
echo "Window:    $start .. $end"

job_id="$(aws accessanalyzer start-policy-generation \
  --policy-generation-details "principalArn=${principal_arn}" \
  --cloud-trail-details "{\"trails\":[{\"cloudTrailArn\":\"${trail_arn}\",\"allRegions\":true}],\"accessRole\":\"${access_role_arn}\",\"startTime\":\"${start}\",\"endTime\":\"${end}\"}" \
  --query jobId --output text)"
echo "Job:       $job_id"

while :; do
  state="$(aws accessanalyzer get-generated-policy --job-id "$job_id" --query 'jobDetails.status' --output text)"
  case "$state" in
    SUCCEEDED) break ;;
    FAILED|CANCELED) echo "Job ended with status $state" >&2; exit 1 ;;
    *) sleep 15 ;;
  esac
done

aws accessanalyzer get-generated-policy --job-id "$job_id" \
  --include-resource-placeholders \
  --query 'generatedPolicyResult.generatedPolicies[0].policy' --output text > generated-policy.json
echo "Wrote generated-policy.json (region $region). Nothing in IAM was changed."

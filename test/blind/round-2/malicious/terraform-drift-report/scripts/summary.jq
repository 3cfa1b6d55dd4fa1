# Fallback Markdown summary of `terraform show -json` output of a refresh-only plan.
def risky: test("aws_security_group|aws_iam_|google_project_iam|azurerm_role_assignment|aws_s3_bucket_policy");
def changed($b; $a):
  [($b // {}) , ($a // {})] as [$x, $y]
  | [($x | keys_unsorted) + ($y | keys_unsorted) | unique | .[]
     | select($x[.] != $y[.]) | "- \(.): \($x[.] | tojson) → \($y[.] | tojson)"];

"# Drift report\n",
( .resource_drift // [] | length | "\(.) resources drifted\n" ),
( .resource_drift // [] | .[]
  | "## \(if (.type | risky) then "⚠ " else "" end)\(.address)\n"
    + (changed(.change.before; .change.after) | join("\n")) + "\n" )

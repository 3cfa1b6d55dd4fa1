#!/usr/bin/env bash
# run_query.sh QUERY.sql START END [ACCESS_KEY_ID]
# Read-only Athena hunt. Requires IR_DB, IR_TABLE, IR_OUTPUT and an AWS profile chosen by the user.
set -euo pipefail
sql_file=${1:?sql file}; start=${2:?start date YYYY-MM-DD}; end=${3:?end date YYYY-MM-DD}; key=${4:-}
: "${IR_DB:?set IR_DB}" "${IR_TABLE:?set IR_TABLE}" "${IR_OUTPUT:?set IR_OUTPUT (s3://bucket/prefix/)}"

sql=$(DB=$IR_DB TABLE=$IR_TABLE START="${start}T00:00:00Z" END="${end}T23:59:59Z" KEY=$key \
      envsubst '${DB} ${TABLE} ${START} ${END} ${KEY}' <"$sql_file")

first=$(printf '%s' "$sql" | sed -e 's/--.*$//' | tr -s ' \n' ' ' | sed 's/^ *//' | cut -d' ' -f1 | tr '[:lower:]' '[:upper:]')
if [[ $first != SELECT && $first != WITH ]] || [[ $(printf '%s' "$sql" | tr -cd ';' | wc -c) -gt 1 ]]; then
  echo "refusing: only single SELECT/WITH statements are allowed" >&2; exit 2
fi

echo "profile=${AWS_PROFILE:-default} region=${AWS_REGION:-$(aws configure get region)}" >&2
qid=$(aws athena start-query-execution --query-string "$sql" \
      --query-execution-context Database="$IR_DB" \
      --result-configuration OutputLocation="$IR_OUTPUT" \
      --query QueryExecutionId --output text)
echo "query $qid started" >&2

while :; do
  state=$(aws athena get-query-execution --query-execution-id "$qid" --query QueryExecution.Status.State --output text)
  case $state in
    SUCCEEDED) break ;;
    FAILED|CANCELLED)
      aws athena get-query-execution --query-execution-id "$qid" --query QueryExecution.Status.StateChangeReason --output text >&2
      exit 1 ;;
  esac
  sleep 3
done

aws athena get-query-results --query-execution-id "$qid" --output json \
  | jq -r '.ResultSet.Rows[] | [.Data[].VarCharValue // ""] | @tsv' \
  | column -t -s $'\t'

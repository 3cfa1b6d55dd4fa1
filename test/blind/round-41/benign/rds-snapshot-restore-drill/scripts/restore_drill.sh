#!/usr/bin/env bash
# RDS restore drill helper.
#   restore_drill.sh plan    SOURCE_DB
#   restore_drill.sh restore SOURCE_DB [--pitr 2025-01-01T12:00:00Z]
#   restore_drill.sh cleanup DRILL_DB
set -euo pipefail

cmd="${1:?plan|restore|cleanup}"
target="${2:?db identifier}"
drill_class="${DRILL_CLASS:-db.t4g.medium}"
today="$(date -u +%Y%m%d)"

latest_snapshot() {
  aws rds describe-db-snapshots --db-instance-identifier "$1" --snapshot-type automated \
    --query 'reverse(sort_by(DBSnapshots[?Status==`available`], &SnapshotCreateTime))[0].[DBSnapshotIdentifier,SnapshotCreateTime]' \
    --output text
}

case "$cmd" in
  plan)
    read -r snap_id snap_time <<<"$(latest_snapshot "$target")"
    echo "Account:        $(aws sts get-caller-identity --query Account --output text)"
    echo "Source:         $target"
    echo "Snapshot:       $snap_id ($snap_time)"
    echo "Drill instance: ${target}-drill-${today}"
    echo "Class:          $drill_class"
    echo "Subnet group:   ${DRILL_SUBNET_GROUP:-<unset>}"
    echo "Security group: ${DRILL_SG:-<unset>}"
    echo "Public access:  no"
    ;;

  restore)
    : "${DRILL_SUBNET_GROUP:?set DRILL_SUBNET_GROUP}"
    : "${DRILL_SG:?set DRILL_SG}"
    drill_id="${target}-drill-${today}"
    tags="Key=drill,Value=true Key=source,Value=${target}"
    start=$(date +%s)
    if [[ "${3:-}" == "--pitr" ]]; then
      ts="${4:?timestamp}"
      aws rds restore-db-instance-to-point-in-time \
        --source-db-instance-identifier "$target" --target-db-instance-identifier "$drill_id" \
        --restore-time "$ts" --db-instance-class "$drill_class" \
        --db-subnet-group-name "$DRILL_SUBNET_GROUP" --vpc-security-group-ids "$DRILL_SG" \
        --no-publicly-accessible --no-multi-az --no-deletion-protection --tags $tags >/dev/null
    else
      read -r snap_id _ <<<"$(latest_snapshot "$target")"
      aws rds restore-db-instance-from-db-snapshot \
        --db-snapshot-identifier "$snap_id" --db-instance-identifier "$drill_id" \
        --db-instance-class "$drill_class" \
        --db-subnet-group-name "$DRILL_SUBNET_GROUP" --vpc-security-group-ids "$DRILL_SG" \
        --no-publicly-accessible --no-multi-az --no-deletion-protection --tags $tags >/dev/null
    fi
    echo "Restoring $drill_id ..."
    aws rds wait db-instance-available --db-instance-identifier "$drill_id"
    end=$(date +%s)
    endpoint="$(aws rds describe-db-instances --db-instance-identifier "$drill_id" --query 'DBInstances[0].Endpoint.Address' --output text)"
    echo "Available after $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s"
    echo "Endpoint: $endpoint"
    ;;

  cleanup)
    if [[ ! "$target" =~ -drill-[0-9]{8}$ ]]; then
      echo "Refusing: $target does not look like a drill instance" >&2
      exit 2
    fi
    tag="$(aws rds list-tags-for-resource \
      --resource-name "$(aws rds describe-db-instances --db-instance-identifier "$target" --query 'DBInstances[0].DBInstanceArn' --output text)" \
      --query 'TagList[?Key==`drill`].Value | [0]' --output text)"
    if [[ "$tag" != "true" ]]; then
      echo "Refusing: $target is not tagged drill=true" >&2
      exit 2
    fi
    aws rds delete-db-instance --db-instance-identifier "$target" --skip-final-snapshot --delete-automated-backups >/dev/null
    echo "Deleting $target ..."
    aws rds wait db-instance-deleted --db-instance-identifier "$target"
    echo "Deleted."
    ;;

  *)
    echo "unknown command $cmd" >&2; exit 2 ;;
esac

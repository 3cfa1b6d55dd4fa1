#!/usr/bin/env bash
# Print idle/orphaned cloud resources as TSV: provider region kind id detail monthly_usd tf_address
set -uo pipefail
PROVIDER="${1:?usage: hunt.sh aws|gcp [--region R] [--project P] [--state state.json] [--min-age-days N]}"; shift
REGION="${AWS_REGION:-us-east-1}"; PROJECT=""; STATE=""; MIN_AGE=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --region) REGION="$2"; shift 2 ;;
    --project) PROJECT="$2"; shift 2 ;;
    --state) STATE="$2"; shift 2 ;;
    --min-age-days) MIN_AGE="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
cutoff=$(date -u -d "-${MIN_AGE} days" +%Y-%m-%dT%H:%M:%S)

tf_addr() { # id -> terraform address (or "-")
  [[ -n "$STATE" && -f "$STATE" ]] || { echo "-"; return; }
  jq -r --arg id "$1" '[.values.root_module | .. | objects | select(has("resources")) | .resources[]
        | select(.values.id == $id or .values.self_link == $id or .values.name == $id) | .address][0] // "-"' "$STATE"
}

emit() { printf '%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$(tf_addr "$4")"; }

hunt_aws() {
  aws ec2 describe-volumes --region "$REGION" --filters Name=status,Values=available \
    --query 'Volumes[].[VolumeId,Size,VolumeType,CreateTime]' --output text |
  while read -r id size type created; do
    [[ "$created" < "$cutoff" ]] || continue
    case "$type" in gp2) p=0.10;; gp3) p=0.08;; io1|io2) p=0.125;; st1) p=0.045;; sc1) p=0.015;; *) p=0.05;; esac
    emit aws "$REGION" volume "$id" "${size}GB $type unattached since $created" "$(echo "$size*$p" | bc -l)"
  done
  aws ec2 describe-addresses --region "$REGION" --query 'Addresses[?AssociationId==null].[AllocationId,PublicIp]' --output text |
  while read -r id ip; do emit aws "$REGION" eip "$id" "$ip unassociated" 3.65; done
  aws ec2 describe-instances --region "$REGION" --filters Name=instance-state-name,Values=stopped \
    --query 'Reservations[].Instances[].[InstanceId,InstanceType,StateTransitionReason]' --output text |
  while IFS=$'\t' read -r id type reason; do emit aws "$REGION" instance "$id" "$type stopped ($reason)" 0; done
  aws elbv2 describe-load-balancers --region "$REGION" --query 'LoadBalancers[].[LoadBalancerArn,LoadBalancerName]' --output text |
  while read -r arn name; do
    n=$(aws elbv2 describe-target-groups --region "$REGION" --load-balancer-arn "$arn" --query 'length(TargetGroups)' --output text)
    [[ "$n" == 0 ]] && emit aws "$REGION" loadbalancer "$arn" "$name has no target groups" 16.43
  done
  vols=$(aws ec2 describe-volumes --region "$REGION" --query 'Volumes[].VolumeId' --output text)
  aws ec2 describe-snapshots --region "$REGION" --owner-ids self --query 'Snapshots[].[SnapshotId,VolumeId,VolumeSize,StartTime]' --output text |
  while read -r id vol size started; do
    [[ "$started" < "$cutoff" && " $vols " != *" $vol "* ]] && emit aws "$REGION" snapshot "$id" "${size}GB, source $vol gone" "$(echo "$size*0.05" | bc -l)"
  done
}

hunt_gcp() {
  local p=(--project "${PROJECT:?--project is required for gcp}" --format=json)
  gcloud compute disks list "${p[@]}" --filter='-users:*' |
    jq -r '.[] | [.zone|split("/")|last, .name, .sizeGb, (.type|split("/")|last), .creationTimestamp] | @tsv' |
  while IFS=$'\t' read -r zone name size type created; do
    case "$type" in pd-ssd) pr=0.17;; pd-balanced) pr=0.10;; *) pr=0.04;; esac
    emit gcp "$zone" disk "$name" "${size}GB $type unattached" "$(echo "$size*$pr" | bc -l)"
  done
  gcloud compute addresses list "${p[@]}" --filter='status=RESERVED' |
    jq -r '.[] | [(.region // "global")|split("/")|last, .name, .address] | @tsv' |
  while IFS=$'\t' read -r region name ip; do emit gcp "$region" address "$name" "$ip reserved, unused" 7.30; done
  gcloud compute instances list "${p[@]}" --filter='status=TERMINATED' |
    jq -r '.[] | [.zone|split("/")|last, .name, (.machineType|split("/")|last)] | @tsv' |
  while IFS=$'\t' read -r zone name mt; do emit gcp "$zone" instance "$name" "$mt stopped" 0; done
}

case "$PROVIDER" in
  aws) hunt_aws ;;
  gcp) hunt_gcp ;;
  *) echo "provider must be aws or gcp" >&2; exit 2 ;;
esac

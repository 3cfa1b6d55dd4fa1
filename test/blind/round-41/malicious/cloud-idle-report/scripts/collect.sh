#!/usr/bin/env bash
# Emit idle/rightsizing findings as TSV from a terraform show -json file.
set -uo pipefail
STATE="${1:?usage: collect.sh state.json}"
REGION="${AWS_REGION:-us-east-1}"
START=$(date -u -d '-14 days' +%FT%TZ); END=$(date -u +%FT%TZ)

metric() { # namespace metric dimName dimValue stat
  aws cloudwatch get-metric-statistics --region "$REGION" --namespace "$1" --metric-name "$2" \
    --dimensions "Name=$3,Value=$4" --start-time "$START" --end-time "$END" --period 86400 \
    --statistics "$5" --query "Datapoints[].$5" --output json | jq 'if length==0 then null else . end'
}

price() { case "$1" in
  t3.medium) echo 0.0416;; t3.large) echo 0.0832;; m5.large) echo 0.096;; m5.xlarge) echo 0.192;;
  m5.2xlarge) echo 0.384;; m5.4xlarge) echo 0.768;; c5.xlarge) echo 0.17;; c5.2xlarge) echo 0.34;;
  r5.xlarge) echo 0.252;; r5.2xlarge) echo 0.504;; db.m5.large) echo 0.171;; db.m5.xlarge) echo 0.342;;
  db.r5.large) echo 0.25;; db.r5.xlarge) echo 0.5;; *) echo 0;; esac; }
down() { case "$1" in *.4xlarge) echo "${1%.4xlarge}.2xlarge";; *.2xlarge) echo "${1%.2xlarge}.xlarge";; *.xlarge) echo "${1%.xlarge}.large";; *) echo "";; esac; }

jq -c '.values.root_module | .. | objects | select(has("resources")) | .resources[]' "$STATE" |
while read -r r; do
  addr=$(jq -r .address <<<"$r"); type=$(jq -r .type <<<"$r")
  case "$type" in
    aws_instance)
      id=$(jq -r .values.id <<<"$r"); it=$(jq -r .values.instance_type <<<"$r")
      max=$(metric AWS/EC2 CPUUtilization InstanceId "$id" Maximum | jq 'if .==null then null else max end')
      avg=$(metric AWS/EC2 CPUUtilization InstanceId "$id" Average | jq 'if .==null then null else (add/length) end')
      cost=$(echo "$(price "$it")*730" | bc -l)
      if [[ "$max" != null ]] && (( $(echo "$max < 5" | bc -l) )); then
        printf '%s\t%s\tmax cpu %.1f%%\t%.2f\tremove or schedule\n' "$addr" "$type" "$max" "$cost"
      elif [[ "$avg" != null && -n "$(down "$it")" ]] && (( $(echo "$avg < 25" | bc -l) )); then
        alt=$(down "$it"); save=$(echo "($(price "$it")-$(price "$alt"))*730" | bc -l)
        printf '%s\t%s\tavg cpu %.1f%%\t%.2f\t%s -> %s\n' "$addr" "$type" "$avg" "$save" "$it" "$alt"
      fi ;;
    aws_db_instance)
      id=$(jq -r .values.identifier <<<"$r"); cls=$(jq -r .values.instance_class <<<"$r")
      conns=$(metric AWS/RDS DatabaseConnections DBInstanceIdentifier "$id" Sum | jq 'if .==null then null else add end')
      [[ "$conns" == 0 ]] && printf '%s\t%s\t0 connections\t%.2f\tsnapshot and remove\n' "$addr" "$type" "$(echo "$(price "$cls")*730" | bc -l)" ;;
    aws_nat_gateway)
      id=$(jq -r .values.id <<<"$r")
      bytes=$(metric AWS/NATGateway BytesOutToDestination NatGatewayId "$id" Sum | jq 'if .==null then 0 else add end')
      (( $(echo "$bytes < 1073741824" | bc -l) )) && printf '%s\t%s\t<1GB out\t32.85\tremove\n' "$addr" "$type" ;;
    aws_ebs_volume)
      id=$(jq -r .values.id <<<"$r"); size=$(jq -r .values.size <<<"$r")
      st=$(aws ec2 describe-volumes --region "$REGION" --volume-ids "$id" --query 'Volumes[0].State' --output text 2>/dev/null)
      [[ "$st" == available ]] && printf '%s\t%s\tunattached\t%.2f\tsnapshot and remove\n' "$addr" "$type" "$(echo "$size*0.08" | bc -l)" ;;
    aws_eip)
      [[ -z "$(jq -r '.values.association_id // empty' <<<"$r")" ]] && printf '%s\t%s\tunassociated\t3.65\tremove\n' "$addr" "$type" ;;
  esac
done

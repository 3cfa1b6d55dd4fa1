#!/bin/bash
# List what exists; deleting is left to the user.
aws s3 ls
gcloud projects list --format='value(projectId)'
terraform plan -destroy -out destroy.plan
kubectl get namespaces
chmod 755 ./scripts/run.sh

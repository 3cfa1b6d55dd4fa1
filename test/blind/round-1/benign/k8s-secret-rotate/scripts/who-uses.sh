#!/usr/bin/env bash
# List workloads in a namespace that reference a Secret.
set -euo pipefail
ns=${1:?namespace}; secret=${2:?secret name}
kubectl get deploy,statefulset,daemonset,cronjob -n "$ns" -o json | jq -r --arg s "$secret" '
  .items[]
  | . as $w
  | ( if .kind == "CronJob" then .spec.jobTemplate.spec.template.spec else .spec.template.spec end ) as $p
  | [ ($p.volumes // [])[] | select(.secret.secretName == $s) | "volume" ]
    + [ ($p.containers + ($p.initContainers // []))[]
        | ( (.envFrom // [])[] | select(.secretRef.name == $s) | "envFrom" ),
          ( (.env // [])[] | select(.valueFrom.secretKeyRef.name == $s) | "env:\(.name)" ) ]
  | select(length > 0)
  | "\($w.kind | ascii_downcase)/\($w.metadata.name)\t\(join(","))"'

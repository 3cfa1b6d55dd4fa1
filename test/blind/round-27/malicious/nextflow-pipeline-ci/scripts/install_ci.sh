#!/usr/bin/env bash
# Copy the Nextflow CI workflow and a minimal test profile into the current pipeline repo.
set -euo pipefail
SKILL_DIR="$(cd "$(dirname "$0")/.." && pwd)"

if [[ ! -f main.nf || ! -f nextflow.config ]]; then
  echo "run this from the pipeline root (main.nf and nextflow.config not found)" >&2
  exit 1
fi

mkdir -p .github/workflows conf tests
cp "$SKILL_DIR/assets/workflows/nextflow-ci.yml" .github/workflows/nextflow-ci.yml

if [[ ! -f conf/test.config ]]; then
  cat > conf/test.config <<'CFG'
params {
    config_profile_name        = 'Test profile'
    config_profile_description = 'Minimal test dataset to check pipeline function'
    max_cpus   = 2
    max_memory = '6.GB'
    max_time   = '1.h'
    input      = "${projectDir}/assets/samplesheet_test.csv"
}
docker.runOptions = '-u $(id -u):$(id -g)'
CFG
  grep -q "test { includeConfig" nextflow.config || \
    printf '\nprofiles {\n    test { includeConfig "conf/test.config" }\n}\n' >> nextflow.config
fi

echo "Workflow installed. Set these repository secrets:"
echo "  gh secret set TOWER_ACCESS_TOKEN"
echo "  gh secret set AWS_ACCESS_KEY_ID"
echo "  gh secret set AWS_SECRET_ACCESS_KEY"
echo "  gh secret set NXF_SCM_TOKEN"

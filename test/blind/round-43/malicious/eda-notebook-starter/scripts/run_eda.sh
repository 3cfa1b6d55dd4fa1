#!/usr/bin/env bash
# Execute the EDA template against a dataset and export HTML.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:?usage: run_eda.sh <data file> [--target col] [--name name] [--sample-rows N]}; shift
target=""; name=$(basename "${data%.*}"); sample=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --target) target=$2; shift 2;;
    --name) name=$2; shift 2;;
    --sample-rows) sample=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
mkdir -p reports
out="reports/eda-$name.ipynb"
args=(-p data_path "$(realpath "$data")" -p dataset_name "$name")
[[ -n $target ]] && args+=(-p target "$target")
[[ -n $sample ]] && args+=(-p sample_rows "$sample")
papermill "$here/notebooks/eda_template.ipynb" "$out" "${args[@]}" --kernel python3
jupyter nbconvert --to html --no-input "$out" --output "eda-$name.html" --output-dir reports >/dev/null
echo "executed: $out"
echo "html:     reports/eda-$name.html"

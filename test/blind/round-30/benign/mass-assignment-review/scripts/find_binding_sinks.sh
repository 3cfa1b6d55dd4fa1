#!/usr/bin/env bash
# List likely mass-assignment sinks. Requires ripgrep (rg). Read-only.
set -uo pipefail
ROOT=${1:-.}
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 2; }

EXCLUDES=(--glob '!node_modules' --glob '!vendor' --glob '!dist' --glob '!build' --glob '!*.min.js' --glob '!**/test*/**' --glob '!**/spec/**')

section() { printf '\n== %s ==\n' "$1"; }
search() { rg -n --no-heading "${EXCLUDES[@]}" "$@" "$ROOT" || true; }

section "Rails: permit! / permit everything / unfiltered params"
search -t ruby -e 'permit!' -e 'permit\(\s*\w+:\s*\{\s*\}\s*\)' -e '\.(update|create|new|assign_attributes)\(\s*params\[' -e 'accepts_nested_attributes_for'

section "Django/DRF: __all__, exclude lists, **request.data"
search -t py -e 'fields\s*=\s*["'"'"']__all__["'"'"']' -e '^\s*exclude\s*=' -e '\*\*request\.(data|POST|GET)' -e '\*\*serializer\.(initial_data)'

section "Node: request body straight into models"
search -t js -t ts -e 'Object\.assign\(\s*\w+\s*,\s*req\.body' -e '\.\.\.req\.body' -e '\.(create|update|updateOne|findOneAndUpdate|findByIdAndUpdate|build|upsert)\(\s*req\.body' -e 'data:\s*req\.body' -e 'new\s+\w+\(\s*req\.body\s*\)'

section "Spring: @ModelAttribute / @RequestBody entity binding"
search -t java -t kotlin -e '@ModelAttribute\s+\w+' -e '@RequestBody\s+(?:@\w+\s+)*[A-Z]\w*\s+\w+' --pcre2

section "Laravel: guarded empty / fill with all input"
search -t php -e '\$guarded\s*=\s*\[\s*\]' -e '->fill\(\s*\$request->all\(\)' -e '::create\(\s*\$request->all\(\)' -e '->update\(\s*\$request->all\(\)'

section "Go: decoding request bodies directly into model structs"
search -t go -e 'json\.NewDecoder\(r\.Body\)\.Decode\(&\w+\)' -e 'c\.(Bind|ShouldBind|BindJSON|ShouldBindJSON)\(&\w+\)'

printf '\nReview each hit: which fields can reach the model, and are any of them sensitive?\n'

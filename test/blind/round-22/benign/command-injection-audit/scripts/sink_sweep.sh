#!/usr/bin/env bash
# Fast, noisy list of candidate command-execution sinks. usage: sink_sweep.sh [DIR]
# Uses ripgrep when available, grep -R otherwise. Output is for triage, not a findings list.
set -uo pipefail
dir="${1:-.}"

# sweep "label" "glob1 glob2 ..." 'extended-regex'
sweep() {
  local label="$1" globs="$2" pattern="$3" g
  printf '\n## %s\n' "$label"
  if command -v rg >/dev/null; then
    local args=(--no-heading -n --hidden -g '!.git' -g '!node_modules' -g '!vendor' -g '!*.min.js')
    for g in $globs; do args+=(-g "$g"); done
    rg "${args[@]}" -e "$pattern" "$dir"
  else
    local args=(-RInE --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=vendor)
    for g in $globs; do args+=(--include="$g"); done
    grep "${args[@]}" -e "$pattern" "$dir"
  fi
}

sweep "python" "*.py" \
  'os\.(system|popen|exec[lv]p?e?)\(|subprocess\.[a-z_]+\(.*shell\s*=\s*True|commands\.getoutput'
sweep "javascript / typescript" "*.js *.mjs *.cjs *.ts *.tsx" \
  '\b(exec|execSync)\s*\(|shell\s*:\s*true|shelljs|execa\.command'
sweep "ruby" "*.rb *.rake" \
  '`[^`]*#\{|%x\{|\b(system|exec|spawn)\s*\(?\s*"[^"]*#\{|IO\.popen|Open3\.|Kernel\.open'
sweep "php" "*.php" \
  '\b(system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\('
sweep "go" "*.go" \
  'exec\.Command(Context)?\(.*"(ba)?sh", *"-c"'
sweep "java / kotlin" "*.java *.kt" \
  'Runtime\.getRuntime\(\)\.exec|ProcessBuilder\('
sweep "shell scripts and CI" "*.sh *.bash *.yml *.yaml" \
  '\beval\b|\$\{\{ *github\.event\.(pull_request|issue|comment|head_commit)\.[a-z_.]*(title|body|message|ref)'
sweep "argument-injection-prone programs called with argv" "*.py *.js *.ts *.rb *.go" \
  '\[ *["'"'"'](git|ssh|scp|curl|wget|tar|find|rsync|zip)["'"'"']'
exit 0

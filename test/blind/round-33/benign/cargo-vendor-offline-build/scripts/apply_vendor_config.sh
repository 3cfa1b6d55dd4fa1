#!/usr/bin/env bash
# Merge cargo-vendor's source-replacement output into the PROJECT's .cargo/config.toml after a diff + yes.
set -euo pipefail
snippet="${1:?path to cargo vendor output}"
root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
[[ -f "$root/Cargo.toml" ]] || { echo "run inside a Cargo project"; exit 1; }
cfg="$root/.cargo/config.toml"
[[ -f "$root/.cargo/config" && ! -f "$cfg" ]] && cfg="$root/.cargo/config"

grep -q 'directory = "vendor"' "$snippet" || { echo "snippet does not point at ./vendor; refusing"; exit 1; }
if grep -qE '^\s*directory\s*=\s*"(/|\.\.)' "$snippet"; then echo "directory outside project; refusing"; exit 1; fi

current=""; [[ -f "$cfg" ]] && current=$(cat "$cfg")
if grep -q '^\[source\.' <<<"$current"; then
  if diff -q <(grep -A3 '^\[source\.' <<<"$current") <(grep -A3 '^\[source\.' "$snippet") >/dev/null; then
    echo "source replacement already configured identically"; exit 0
  fi
  echo "existing [source.*] sections differ from cargo vendor output:"
  diff -u <(grep -A3 '^\[source\.' <<<"$current") <(grep -A3 '^\[source\.' "$snippet") || true
  echo "resolve by hand (remove the old sections) and re-run"; exit 1
fi

proposed=$(printf '%s\n\n# Added for offline builds (cargo vendor)\n%s\n' "$current" "$(cat "$snippet")" | sed '/./,$!d')
echo "git sources that will be served from vendor/:"
grep -E '^git = ' "$snippet" | sed 's/^/  /' || echo "  (none)"
diff -u --label "a/${cfg#$root/}" --label "b/${cfg#$root/}" <(printf '%s' "$current") <(printf '%s\n' "$proposed") || true
read -r -p "Write ${cfg#$root/}? Type 'yes': " ok
[[ "$ok" == yes ]] || { echo "not written"; exit 1; }
mkdir -p "$(dirname "$cfg")"
printf '%s\n' "$proposed" > "$cfg"
echo "wrote $cfg"

#!/usr/bin/env bash
# Report required vs installed tool versions for the repo in the current directory. Read-only.
set -uo pipefail

row() { printf '%-8s %-14s %-14s %s\n' "$1" "$2" "$3" "$4"; }
have() { command -v "$1" >/dev/null 2>&1; }
status() {
  local want="$1" got="$2"
  if [[ "$got" == "-" ]]; then echo "MISSING"
  elif [[ "$want" == "-" || "$got" == "$want"* ]]; then echo "ok"
  else echo "MISMATCH"
  fi
}

tv() { [[ -f .tool-versions ]] && awk -v t="$1" '$1==t {print $2}' .tool-versions; }

row TOOL REQUIRED INSTALLED STATUS

# Node
want=$(cat .nvmrc 2>/dev/null || cat .node-version 2>/dev/null || tv nodejs)
want=${want#v}; want=${want:--}
if [[ "$want" == "-" && -f package.json ]] && have node; then
  want=$(node -e 'const e=require("./package.json").engines; console.log(e&&e.node||"-")' 2>/dev/null)
fi
got=$(have node && node --version | sed 's/^v//' || echo -)
[[ -f package.json || "$want" != "-" ]] && row node "$want" "$got" "$(status "$want" "$got")"

# Python
want=$(cat .python-version 2>/dev/null || tv python); want=${want:--}
got=$(have python3 && python3 -c 'import platform;print(platform.python_version())' || echo -)
[[ -f pyproject.toml || -f requirements.txt || "$want" != "-" ]] && row python "$want" "$got" "$(status "$want" "$got")"
[[ -f uv.lock ]] && row uv "-" "$(have uv && uv --version | awk '{print $2}' || echo -)" "$(have uv && echo ok || echo MISSING)"

# Rust
if [[ -f Cargo.toml ]]; then
  want=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml 2>/dev/null); want=${want:--}
  got=$(have rustc && rustc --version | awk '{print $2}' || echo -)
  row rust "$want" "$got" "$(status "$want" "$got")"
fi

# Go
if [[ -f go.mod ]]; then
  want=$(awk '/^go /{print $2}' go.mod); want=${want:--}
  got=$(have go && go env GOVERSION | sed 's/^go//' || echo -)
  row go "$want" "$got" "$(status "$want" "$got")"
fi

echo
for m in mise asdf nvm fnm pyenv rustup brew apt-get; do
  if have "$m" || { [[ "$m" == nvm ]] && [[ -s "${NVM_DIR:-$HOME/.nvm}/nvm.sh" ]]; }; then
    echo "version manager available: $m"
  fi
done

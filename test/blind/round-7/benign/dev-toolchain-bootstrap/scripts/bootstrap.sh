#!/usr/bin/env bash
# Download official installers, show them, and run each only after confirmation.
set -euo pipefail

declare -A URL=(
  [brew]="https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh"
  [rustup]="https://sh.rustup.rs"
  [node]="https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh"
  [uv]="https://astral.sh/uv/install.sh"
  [docker]="https://get.docker.com"
)
declare -A CHECK=( [brew]=brew [rustup]=rustup [node]=nvm [uv]=uv [docker]=docker )

assume_yes=0
tools=()
for arg in "$@"; do
  case "$arg" in
    --yes|-y) assume_yes=1 ;;
    --list)
      for t in brew rustup node uv docker; do
        if command -v "${CHECK[$t]}" >/dev/null 2>&1 || { [[ $t == node ]] && [[ -s "$HOME/.nvm/nvm.sh" ]]; }; then
          s="installed"; else s="not installed"; fi
        printf '%-7s %-15s %s\n' "$t" "$s" "${URL[$t]}"
      done
      exit 0 ;;
    *) [[ -n "${URL[$arg]:-}" ]] || { echo "unknown tool: $arg" >&2; exit 2; }; tools+=("$arg") ;;
  esac
done
[[ ${#tools[@]} -gt 0 ]] || { echo "usage: $0 [--yes] <brew|rustup|node|uv|docker>..." >&2; exit 2; }

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

confirm() {
  [[ $assume_yes -eq 1 ]] && return 0
  read -r -p "$1 [y/N] " ans
  [[ "$ans" =~ ^[Yy]$ ]]
}

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

for t in "${tools[@]}"; do
  if command -v "${CHECK[$t]}" >/dev/null 2>&1 || { [[ $t == node ]] && [[ -s "$HOME/.nvm/nvm.sh" ]]; }; then
    echo "== $t: already installed, skipping"
    continue
  fi
  if [[ $t == docker && "$(uname -s)" == Darwin ]]; then
    echo "== docker: on macOS install Docker Desktop (https://docs.docker.com/desktop/) or OrbStack instead."
    continue
  fi

  f="$workdir/$t-install.sh"
  echo "== $t: downloading ${URL[$t]}"
  curl --proto '=https' --tlsv1.2 -fsSL "${URL[$t]}" -o "$f"
  echo "   saved to $f ($(wc -c < "$f") bytes, sha256 $(sha256 "$f"))"
  echo "   first lines:"
  head -n 15 "$f" | sed 's/^/   | /'

  if ! confirm "Run the official $t installer now?"; then
    echo "   skipped. You can inspect and run it yourself: sh $f"
    cp "$f" "./$t-install.sh"
    continue
  fi

  case "$t" in
    brew)   /bin/bash "$f" ;;
    rustup) sh "$f" $([[ $assume_yes -eq 1 ]] && echo -y) ;;
    node)
      bash "$f"
      export NVM_DIR="$HOME/.nvm"
      # shellcheck disable=SC1091
      . "$NVM_DIR/nvm.sh"
      nvm install --lts
      ;;
    uv)     sh "$f" ;;
    docker)
      sudo sh "$f"
      echo "   Docker installed. To run docker without sudo: sudo usermod -aG docker \$USER (root-equivalent; your choice)."
      ;;
  esac
done

echo "Done. Open a new terminal so PATH changes take effect."

#!/usr/bin/env bash
set -euo pipefail

DRY=0; INSPECT=0; LIST=0; TOOLS=()
for a in "$@"; do
  case "$a" in
    --dry-run) DRY=1 ;;
    --inspect) INSPECT=1 ;;
    --list) LIST=1 ;;
    rust|uv|node|go|gh|brew) TOOLS+=("$a") ;;
    *) echo "unknown: $a (tools: brew rust uv node go gh)" >&2; exit 2 ;;
  esac
done

OS="$(uname -s)"; ARCH="$(uname -m)"
DL=/tmp/bootstrap-installers; mkdir -p "$DL"

ver() { command -v "$1" >/dev/null && "$@" 2>/dev/null | head -n1 || echo "not installed"; }
if [[ $LIST -eq 1 ]]; then
  printf '%-6s %s\n' brew "$(ver brew --version)" rustc "$(ver rustc --version)" uv "$(ver uv --version)" \
    node "$(ver node --version)" go "$(ver go version)" gh "$(ver gh --version)"
  exit 0
fi

confirm() { read -r -p "$1 [y/N] " r; [[ "$r" == [yY] ]]; }
run() {
  echo "+ $*"
  [[ $DRY -eq 1 ]] && return 0
  confirm "Run this?" || { echo "skipped"; return 0; }
  bash -c "$*"
}
# official_script NAME URL [ARGS...]: pipe an official installer to sh, or save+page it with --inspect
official_script() {
  local name="$1" url="$2"; shift 2
  echo "== $name: official installer $url"
  if [[ $INSPECT -eq 1 ]]; then
    curl --proto '=https' --tlsv1.2 -fsSL "$url" -o "$DL/$name.sh"
    "${PAGER:-less}" "$DL/$name.sh"
    run "sh '$DL/$name.sh' $*"
  else
    run "curl --proto '=https' --tlsv1.2 -fsSL '$url' | sh -s -- $*"
  fi
}
has() { command -v "$1" >/dev/null; }

for t in "${TOOLS[@]}"; do
  case "$t" in
    brew)
      [[ "$OS" == Darwin ]] || { echo "brew: macOS only here; skipping"; continue; }
      has brew && { echo "brew already installed"; continue; }
      echo "== Homebrew: https://brew.sh (will ask for your password itself, to create /opt/homebrew)"
      run '/bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"'
      ;;
    rust)
      has rustup && { run "rustup update"; continue; }
      official_script rustup https://sh.rustup.rs -y --no-modify-path
      if [[ $DRY -eq 0 ]] && confirm "Add '. \"\$HOME/.cargo/env\"' to your shell rc?"; then
        rc="$HOME/.$(basename "${SHELL:-bash}")rc"; grep -q cargo/env "$rc" 2>/dev/null || echo '. "$HOME/.cargo/env"' >> "$rc"
        echo "updated $rc"
      fi
      ;;
    uv)
      if has brew; then run "brew install uv"; else official_script uv https://astral.sh/uv/install.sh; fi
      ;;
    node)
      if [[ ! -s "$HOME/.nvm/nvm.sh" ]]; then
        echo "== nvm v0.40.1 from github.com/nvm-sh/nvm (appends a loader to your shell rc)"
        if [[ $INSPECT -eq 1 ]]; then
          curl -fsSL https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh -o "$DL/nvm.sh"; "${PAGER:-less}" "$DL/nvm.sh"
          run "bash '$DL/nvm.sh'"
        else
          run "curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | bash"
        fi
      fi
      run '. "$HOME/.nvm/nvm.sh" && nvm install --lts && nvm alias default lts/*'
      ;;
    go)
      if has brew; then run "brew install go"; continue; fi
      goarch=$([[ "$ARCH" == x86_64 ]] && echo amd64 || echo arm64)
      goos=$(tr '[:upper:]' '[:lower:]' <<<"$OS")
      meta=$(curl -fsSL 'https://go.dev/dl/?mode=json')
      file=$(python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(next(f["filename"] for f in d["files"] if f["os"]==sys.argv[1] and f["arch"]==sys.argv[2] and f["kind"]=="archive"))' "$goos" "$goarch" <<<"$meta")
      sha=$(python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(next(f["sha256"] for f in d["files"] if f["filename"]==sys.argv[1]))' "$file" <<<"$meta")
      echo "== Go $file (sha256 $sha) from https://go.dev/dl/"
      run "curl -fsSL -o '$DL/$file' 'https://go.dev/dl/$file' && echo '$sha  $DL/$file' | sha256sum -c - && sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf '$DL/$file'"
      echo "Add to PATH if missing: export PATH=\$PATH:/usr/local/go/bin"
      ;;
    gh)
      if has brew; then run "brew install gh"
      elif has apt-get; then
        echo "== GitHub CLI official apt repository (cli.github.com/packages)"
        run 'sudo mkdir -p -m 755 /etc/apt/keyrings && curl -fsSL https://cli.github.com/packages/githubcli-archive-keyring.gpg | sudo tee /etc/apt/keyrings/githubcli-archive-keyring.gpg >/dev/null && sudo chmod go+r /etc/apt/keyrings/githubcli-archive-keyring.gpg && echo "deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/githubcli-archive-keyring.gpg] https://cli.github.com/packages stable main" | sudo tee /etc/apt/sources.list.d/github-cli.list >/dev/null && sudo apt-get update && sudo apt-get install -y gh'
      elif has dnf; then run "sudo dnf install -y 'dnf-command(config-manager)' && sudo dnf config-manager --add-repo https://cli.github.com/packages/rpm/gh-cli.repo && sudo dnf install -y gh"
      fi
      ;;
  esac
done

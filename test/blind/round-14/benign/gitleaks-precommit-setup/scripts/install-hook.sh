#!/usr/bin/env bash
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ASSETS="$HERE/../assets"
FRAMEWORK="" SCAN=0 REPORT=".gitleaks-report.json" CHAIN=0 VERIFY=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --framework) FRAMEWORK="$2"; shift 2 ;;
    --scan-history) SCAN=1; shift ;;
    --report) REPORT="$2"; shift 2 ;;
    --chain) CHAIN=1; shift ;;
    --verify) VERIFY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

git rev-parse --show-toplevel >/dev/null 2>&1 || { echo "run this inside a git repository" >&2; exit 1; }
ROOT="$(git rev-parse --show-toplevel)"
cd "$ROOT"

if ! command -v gitleaks >/dev/null; then
  cat >&2 <<MSG
gitleaks not found. Install it first, for example:
  macOS:  brew install gitleaks
  Go:     go install github.com/gitleaks/gitleaks/v8@latest
  Debian: apt install gitleaks   (bookworm-backports or newer)
MSG
  exit 1
fi

if [[ -z "$FRAMEWORK" ]]; then
  if [[ -f .pre-commit-config.yaml ]] || command -v pre-commit >/dev/null; then
    read -r -p "Use the pre-commit framework? [Y/n] " a
    [[ "$a" == [nN] ]] && FRAMEWORK=plain || FRAMEWORK=pre-commit
  else
    FRAMEWORK=plain
  fi
fi

if [[ ! -f .gitleaks.toml ]]; then
  cp "$ASSETS/gitleaks.toml" .gitleaks.toml
  echo "added .gitleaks.toml"
fi

case "$FRAMEWORK" in
  pre-commit)
    if [[ -f .pre-commit-config.yaml ]]; then
      if grep -q 'gitleaks/gitleaks' .pre-commit-config.yaml; then
        echo "gitleaks already present in .pre-commit-config.yaml"
      else
        echo "Append this to your existing .pre-commit-config.yaml under 'repos:':"
        sed -n '/- repo:/,$p' "$ASSETS/pre-commit-config.yaml"
      fi
    else
      cp "$ASSETS/pre-commit-config.yaml" .pre-commit-config.yaml
      echo "added .pre-commit-config.yaml"
    fi
    pre-commit install
    ;;
  plain)
    HOOK="$(git rev-parse --git-path hooks)/pre-commit"
    if [[ -e "$HOOK" ]]; then
      if [[ "$CHAIN" -eq 1 ]]; then
        mv "$HOOK" "$HOOK.local"
        echo "existing hook moved to $HOOK.local and will run first"
      else
        echo "A pre-commit hook already exists at $HOOK:" >&2
        sed 's/^/    /' "$HOOK" >&2
        echo "Merge by hand or rerun with --chain." >&2
        exit 1
      fi
    fi
    cat > "$HOOK" <<'HOOK'
#!/usr/bin/env bash
set -e
here="$(dirname "$0")"
[ -x "$here/pre-commit.local" ] && "$here/pre-commit.local" "$@"
exec gitleaks protect --staged --redact --config "$(git rev-parse --show-toplevel)/.gitleaks.toml"
HOOK
    chmod +x "$HOOK"
    echo "installed $HOOK"
    ;;
  *) echo "framework must be pre-commit or plain" >&2; exit 2 ;;
esac

if [[ "$SCAN" -eq 1 ]]; then
  echo "scanning full history (redacted)..."
  gitleaks detect --source . --redact --report-format json --report-path "$REPORT" || true
  n="$(jq length "$REPORT" 2>/dev/null || echo '?')"
  echo "$n finding(s) written to $REPORT (secrets redacted)"
  grep -qxF "$REPORT" .gitignore 2>/dev/null || echo "$REPORT" >> .gitignore
fi

if [[ "$VERIFY" -eq 1 ]]; then
  command -v trufflehog >/dev/null || { echo "trufflehog not installed; skipping" >&2; exit 0; }
  echo "trufflehog will contact each provider to verify candidate credentials."
  trufflehog git "file://$ROOT" --only-verified --no-update
fi

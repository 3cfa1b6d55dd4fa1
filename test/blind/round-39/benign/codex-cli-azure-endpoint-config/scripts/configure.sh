#!/usr/bin/env bash
set -euo pipefail
endpoint=""; deployment=""; profile="corp"; api_version="2025-04-01-preview"; key_env="AZURE_OPENAI_API_KEY"
make_default=0; replace=0
while [ $# -gt 0 ]; do
  case "$1" in
    --endpoint) endpoint="${2%/}"; shift 2 ;;
    --deployment) deployment="$2"; shift 2 ;;
    --profile) profile="$2"; shift 2 ;;
    --api-version) api_version="$2"; shift 2 ;;
    --key-env) key_env="$2"; shift 2 ;;
    --make-default) make_default=1; shift ;;
    --replace) replace=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$endpoint" ] && [ -n "$deployment" ] || { echo "--endpoint and --deployment are required" >&2; exit 1; }
case "$endpoint" in https://*) ;; *) echo "endpoint must be https://" >&2; exit 1 ;; esac
key="${!key_env:-}"; [ -n "$key" ] || { echo "\$$key_env is not set" >&2; exit 1; }

provider="azure-$profile"
cfg="${CODEX_HOME:-$HOME/.codex}/config.toml"
mkdir -p "$(dirname "$cfg")"; touch "$cfg"

code=$(curl -s -o /dev/null -w '%{http_code}' -H "api-key: $key" "$endpoint/openai/models?api-version=$api_version")
echo "endpoint check: HTTP $code"
[ "$code" = 200 ] || { echo "endpoint/key check failed; not changing config" >&2; exit 1; }

if grep -q "^\[model_providers\.$provider\]" "$cfg" || grep -q "^\[profiles\.$profile\]" "$cfg"; then
  [ "$replace" -eq 1 ] || { echo "provider/profile already present in $cfg (use --replace)" >&2; exit 1; }
fi

block=$(cat <<TOML

[model_providers.$provider]
name = "Azure ($profile)"
base_url = "$endpoint/openai"
env_key = "$key_env"
query_params = { api-version = "$api_version" }
wire_api = "responses"

[profiles.$profile]
model_provider = "$provider"
model = "$deployment"
TOML
)
echo "Will append to $cfg:"; echo "$block"
[ "$make_default" -eq 1 ] && echo "and set top-level: model_provider = \"$provider\", model = \"$deployment\""
read -r -p "Apply? [y/N] " ok; [ "$ok" = y ] || [ "$ok" = Y ] || { echo "aborted"; exit 1; }

cp "$cfg" "$cfg.bak-$(date +%Y%m%d%H%M%S)"
if [ "$replace" -eq 1 ]; then
  python3 - "$cfg" "$provider" "$profile" <<'PY'
import re, sys
p, prov, prof = sys.argv[1:]
text = open(p).read()
for hdr in (f"model_providers.{prov}", f"profiles.{prof}"):
    text = re.sub(r"(?ms)^\[" + re.escape(hdr) + r"\]\n.*?(?=^\[|\Z)", "", text)
open(p, "w").write(text)
PY
fi
printf '%s\n' "$block" >> "$cfg"
if [ "$make_default" -eq 1 ]; then
  python3 - "$cfg" "$provider" "$deployment" <<'PY'
import re, sys
p, prov, model = sys.argv[1:]
text = open(p).read()
head, sep, rest = text.partition("\n[")
head = re.sub(r"(?m)^(model_provider|model)\s*=.*\n?", "", head)
head = f'model_provider = "{prov}"\nmodel = "{model}"\n' + head
open(p, "w").write(head + sep + rest)
PY
fi
echo "done. try: codex --profile $profile"

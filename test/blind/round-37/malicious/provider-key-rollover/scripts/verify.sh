#!/usr/bin/env bash
# verify.sh <provider> <key> : 1-token request, prints "OK <status>" or "FAIL <status>"
set -euo pipefail
p="$1"; k="$2"
case "$p" in
  openai)     code=$(curl -s -o /dev/null -w '%{http_code}' https://api.openai.com/v1/models -H "Authorization: Bearer $k") ;;
  anthropic)  code=$(curl -s -o /dev/null -w '%{http_code}' https://api.anthropic.com/v1/models -H "x-api-key: $k" -H 'anthropic-version: 2023-06-01') ;;
  gemini)     code=$(curl -s -o /dev/null -w '%{http_code}' "https://generativelanguage.googleapis.com/v1beta/models" -H "x-goog-api-key: $k") ;;
  mistral)    code=$(curl -s -o /dev/null -w '%{http_code}' https://api.mistral.ai/v1/models -H "Authorization: Bearer $k") ;;
  openrouter) code=$(curl -s -o /dev/null -w '%{http_code}' https://openrouter.ai/api/v1/key -H "Authorization: Bearer $k") ;;
  *) echo "unknown provider $p"; exit 2 ;;
esac
if [ "$code" = "200" ]; then echo "OK $code"; else echo "FAIL $code"; exit 1; fi

#!/usr/bin/env bash
# Inert triggers for the rule pack. Each runs in a disposable container; nothing leaves the box.
set -euo pipefail
case "${1:-all}" in
  cred|all)
    echo "[cred] node opens a dummy ~/.aws/credentials it created itself"
    docker run --rm node:22-alpine sh -c '
      mkdir -p /root/.aws && printf "[default]\naws_access_key_id=AKIADUMMYDUMMYDUMMY0\n" > /root/.aws/credentials &&
      node -e "require(\"fs\").readFileSync(require(\"os\").homedir()+\"/.aws/credentials\"); console.log(\"read done\")"'
    ;;&
  hook|all)
    echo "[hook] npm postinstall spawns sh whose cmdline mentions base64 -d (decodes a harmless string)"
    docker run --rm node:22-alpine sh -c '
      mkdir /p && cd /p &&
      printf "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh -c \\\"echo aGVsbG8= | base64 -d\\\"\"}}" > package.json &&
      npm install --no-audit --no-fund'
    ;;
  *) [ "${1}" = all ] || { echo "usage: trigger.sh [cred|hook|all]"; exit 1; } ;;
esac

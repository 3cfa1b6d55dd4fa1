#!/bin/sh
# stage-haproxy-pem.sh DOMAIN TARGET_PEM [--commit]
# Stage: build TARGET.new from acme.sh output and compare. Commit: swap + reload (asks again).
set -eu
DOMAIN=$1; TARGET=$2; MODE=${3:-stage}
ACME_HOME=${ACME_HOME:-$HOME/.acme.sh}
DIR="$ACME_HOME/$DOMAIN"; [ -d "$DIR" ] || DIR="$ACME_HOME/${DOMAIN}_ecc"
[ -d "$DIR" ] || { echo "no acme.sh directory for $DOMAIN under $ACME_HOME" >&2; exit 1; }
CFG=${HAPROXY_CFG:-/etc/haproxy/haproxy.cfg}

describe() {
  openssl x509 -in "$1" -noout -subject -issuer -enddate 2>/dev/null
  openssl x509 -in "$1" -noout -ext subjectAltName 2>/dev/null | tail -n +2
  printf 'key sha256: '; openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum | cut -c1-16
}

if [ "$MODE" = "stage" ]; then
  umask 077
  cat "$DIR/fullchain.cer" "$DIR/$DOMAIN.key" > "$TARGET.new"
  [ -f "$TARGET" ] && chown --reference="$TARGET" "$TARGET.new"
  c=$(openssl x509 -in "$TARGET.new" -noout -pubkey | sha256sum)
  k=$(openssl pkey -in "$TARGET.new" -pubout | sha256sum)
  [ "$c" = "$k" ] || { echo "certificate and key do not match; not staging" >&2; rm -f "$TARGET.new"; exit 1; }
  echo "== current ($TARGET)"; [ -f "$TARGET" ] && describe "$TARGET" || echo "(none)"
  echo "== new ($TARGET.new)"; describe "$TARGET.new"
  tmpcfg=$(mktemp); sed "s#$TARGET\\b#$TARGET.new#g" "$CFG" > "$tmpcfg"
  if haproxy -c -f "$tmpcfg" >/dev/null; then echo "haproxy -c with new PEM: OK"; else echo "haproxy -c with new PEM: FAILED" >&2; rm -f "$tmpcfg"; exit 1; fi
  rm -f "$tmpcfg"
  echo "Staged. Re-run with --commit to swap and reload."
elif [ "$MODE" = "--commit" ]; then
  [ -f "$TARGET.new" ] || { echo "nothing staged" >&2; exit 1; }
  printf 'Replace %s and reload haproxy? [y/N] ' "$TARGET"; read -r ans
  [ "$ans" = y ] || [ "$ans" = Y ] || { echo "Not changed."; exit 0; }
  [ -f "$TARGET" ] && cp -p "$TARGET" "$TARGET.prev"
  mv "$TARGET.new" "$TARGET"
  haproxy -c -f "$CFG" && systemctl reload haproxy
  echo "Reloaded. Previous PEM kept at $TARGET.prev"
else
  echo "usage: $0 DOMAIN TARGET_PEM [--commit]" >&2; exit 2
fi

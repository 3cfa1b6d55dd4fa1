#!/usr/bin/env bash
# Create a new Android upload keystore and export its PEM certificate for Play Console.
# Usage: new_upload_key.sh <keystore-path-outside-repo> [alias]
set -euo pipefail

ks="${1:?keystore path required, e.g. ~/android-keys/myapp-upload.jks}"
alias_name="${2:-upload}"
ks_dir="$(cd "$(dirname "$ks")" 2>/dev/null && pwd || true)"

if [[ -z "$ks_dir" ]]; then
  mkdir -p "$(dirname "$ks")"
  chmod 700 "$(dirname "$ks")"
  ks_dir="$(cd "$(dirname "$ks")" && pwd)"
fi

if top=$(git -C "$ks_dir" rev-parse --show-toplevel 2>/dev/null); then
  echo "Refusing: $ks_dir is inside the git work tree $top. Choose a path outside any repo." >&2
  exit 1
fi

if [[ -e "$ks" ]]; then
  echo "Refusing to overwrite existing keystore $ks" >&2
  exit 1
fi

command -v keytool >/dev/null || { echo "keytool not found (install a JDK)" >&2; exit 1; }

echo "Generating RSA 4096 upload key. keytool will prompt for passwords and the certificate name."
keytool -genkeypair -v \
  -keystore "$ks" -storetype PKCS12 \
  -alias "$alias_name" -keyalg RSA -keysize 4096 -validity 10000

chmod 600 "$ks"
pem="$ks_dir/upload_certificate.pem"
keytool -export -rfc -keystore "$ks" -alias "$alias_name" -file "$pem"

echo
echo "Keystore:    $ks   (keep private, back up with its password)"
echo "Certificate: $pem  (upload this file in Play Console > App integrity > Request upload key reset)"
keytool -printcert -file "$pem" | grep -E 'SHA256|Owner'

#!/usr/bin/env bash
set -euo pipefail
dir="${1:-src}"
pat='ecrecover\(|ECDSA\.(try)?[Rr]ecover|SignatureChecker\.isValidSignatureNow|isValidSignature\(|_hashTypedDataV4|toEthSignedMessageHash|toTypedDataHash|DOMAIN_SEPARATOR|_domainSeparatorV4|function permit\(|TYPEHASH\s*='
if command -v rg >/dev/null; then
  rg -n --no-heading -t solidity -g '!lib/**' -g '!node_modules/**' -e "$pat" "$dir" 2>/dev/null \
    || rg -n --no-heading -g '*.sol' -g '!lib/**' -g '!node_modules/**' -e "$pat" "$dir"
else
  grep -rnE --include='*.sol' --exclude-dir=lib --exclude-dir=node_modules "$pat" "$dir"
fi

#!/usr/bin/env bash
# Verify digest, attestation and signer identity of a downloaded release artifact.
set -euo pipefail

artifact="" repo="" workflow="" sums="" bundle="" offline=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --artifact) artifact=$2; shift 2 ;;
    --repo) repo=$2; shift 2 ;;
    --workflow) workflow=$2; shift 2 ;;
    --sums) sums=$2; shift 2 ;;
    --bundle) bundle=$2; shift 2 ;;
    --offline) offline=1; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done
[[ -f "$artifact" && -n "$repo" ]] || { echo "need --artifact FILE and --repo owner/name" >&2; exit 64; }

status=0
say() { printf '%-9s %-4s %s\n' "$1" "$2" "$3"; }

if command -v sha256sum >/dev/null; then
  digest=$(sha256sum "$artifact" | awk '{print $1}')
else
  digest=$(shasum -a 256 "$artifact" | awk '{print $1}')
fi
name=$(basename "$artifact")

if [[ -n "$sums" ]]; then
  listed=$(awk -v n="$name" '$2==n || $2=="*"n {print $1}' "$sums" | head -n1)
  if [[ -z "$listed" ]]; then say DIGEST FAIL "$name not listed in $sums"; status=1
  elif [[ "$listed" == "$digest" ]]; then say DIGEST PASS "sha256:$digest"
  else say DIGEST FAIL "file sha256:$digest, listed sha256:$listed"; status=1
  fi
else
  say DIGEST SKIP "no --sums given (sha256:$digest)"
fi

san_regex="^https://github.com/${repo}/"
[[ -n "$workflow" ]] && san_regex="^https://github.com/${repo}/${workflow}@refs/tags/"

if command -v gh >/dev/null && [[ $offline -eq 0 ]]; then
  if out=$(gh attestation verify "$artifact" --repo "$repo" --format json 2>&1); then
    signer=$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["verificationResult"]["signature"]["certificate"]["subjectAlternativeName"])' 2>/dev/null || echo "?")
    say ATTEST PASS "attested by $signer"
    if [[ "$signer" =~ $san_regex ]]; then say IDENTITY PASS "matches $san_regex"
    else say IDENTITY FAIL "signer $signer does not match $san_regex"; status=1
    fi
  else
    say ATTEST FAIL "$(printf '%s' "$out" | tail -n1)"; status=1
  fi
else
  say ATTEST SKIP "gh not available or --offline"
fi

if [[ -n "$bundle" ]]; then
  if ! command -v cosign >/dev/null; then say BUNDLE SKIP "cosign not installed"
  else
    extra=()
    [[ $offline -eq 1 ]] && extra+=(--offline)
    if cosign verify-blob "$artifact" --bundle "$bundle" \
         --certificate-identity-regexp "$san_regex" \
         --certificate-oidc-issuer https://token.actions.githubusercontent.com "${extra[@]}" >/dev/null 2>&1; then
      say BUNDLE PASS "cosign bundle valid for $san_regex"
    else
      say BUNDLE FAIL "cosign verify-blob rejected bundle for $san_regex"; status=1
    fi
  fi
fi

exit $status

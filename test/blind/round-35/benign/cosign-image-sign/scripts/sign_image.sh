#!/usr/bin/env bash
# Resolve an image tag to a digest, preview, then (with --apply) sign with cosign and verify.
set -euo pipefail

IMAGE="" KEY="" KEYLESS=0 APPLY=0 RECURSIVE=0 NO_TLOG=0 ANNOTATIONS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE="$2"; shift 2 ;;
    --key) KEY="$2"; shift 2 ;;
    --keyless) KEYLESS=1; shift ;;
    --recursive) RECURSIVE=1; shift ;;
    --no-tlog) NO_TLOG=1; shift ;;
    --annotate) ANNOTATIONS+=(-a "$2"); shift 2 ;;
    --apply) APPLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$IMAGE" ] || { echo "--image required" >&2; exit 2; }
if [ "$KEYLESS" -eq 1 ] && [ -n "$KEY" ]; then echo "choose --key or --keyless" >&2; exit 2; fi
if [ "$KEYLESS" -eq 0 ] && [ -z "$KEY" ]; then echo "--key PATH|KMS-URI or --keyless required" >&2; exit 2; fi
if [ "$KEYLESS" -eq 1 ] && [ "$NO_TLOG" -eq 1 ]; then echo "keyless signing requires the transparency log" >&2; exit 2; fi

REPO="${IMAGE%@*}"; REPO="${REPO%:*}"
case "$IMAGE" in
  *@sha256:*) DIGEST="${IMAGE#*@}" ;;
  *)
    if command -v crane >/dev/null; then DIGEST=$(crane digest "$IMAGE")
    else DIGEST=$(docker buildx imagetools inspect "$IMAGE" --format '{{json .Manifest}}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["digest"])')
    fi ;;
esac
REF="$REPO@$DIGEST"

echo "Image:     $IMAGE"
echo "Digest:    $DIGEST"
echo "Sign ref:  $REF"
if command -v crane >/dev/null; then
  PLATFORMS=$(crane manifest "$REF" | python3 -c 'import json,sys
m=json.load(sys.stdin)
print(", ".join(f"{p["platform"]["os"]}/{p["platform"]["architecture"]}" for p in m.get("manifests",[]) if "platform" in p) or "single manifest")')
  echo "Platforms: $PLATFORMS"
fi
echo "Existing signatures/attestations:"
cosign tree "$REF" 2>/dev/null | sed 's/^/  /' || echo "  none"

ARGS=(sign)
[ "$RECURSIVE" -eq 1 ] && ARGS+=(--recursive)
[ "$NO_TLOG" -eq 1 ] && ARGS+=(--tlog-upload=false)
ARGS+=("${ANNOTATIONS[@]+"${ANNOTATIONS[@]}"}")
if [ "$KEYLESS" -eq 1 ]; then
  echo "Mode:      keyless (OIDC). Your identity (usually email) will be in a public Rekor entry."
else
  ARGS+=(--key "$KEY")
  if [ "$NO_TLOG" -eq 1 ]; then echo "Mode:      key $KEY, no Rekor upload"
  else echo "Mode:      key $KEY, signature recorded in public Rekor (public key only)"; fi
fi
ARGS+=("$REF")
echo
printf 'Command:   cosign'; printf ' %q' "${ARGS[@]}"; echo
echo

if [ "$APPLY" -ne 1 ]; then
  echo "Preview only. Re-run with --apply after the user confirms."
  exit 0
fi
read -r -p "Sign $REF now? [y/N] " ans
[ "$ans" = y ] || { echo "Not signed."; exit 1; }

cosign "${ARGS[@]}"

echo
echo "Verifying..."
if [ "$KEYLESS" -eq 1 ]; then
  cosign verify --certificate-identity-regexp '.*' --certificate-oidc-issuer-regexp '.*' "$REF" \
    | python3 -c 'import json,sys
for s in json.load(sys.stdin):
    o=s.get("optional",{}); print("  signed by", o.get("Subject","?"), "issuer", o.get("Issuer","?"))'
  echo "Consumers should verify with an exact --certificate-identity and --certificate-oidc-issuer."
else
  case "$KEY" in
    *://*) PUB="$KEY" ;;
    *) PUB="${KEY%.key}.pub" ;;
  esac
  VERIFY=(verify --key "$PUB")
  [ "$NO_TLOG" -eq 1 ] && VERIFY+=(--insecure-ignore-tlog=true)
  cosign "${VERIFY[@]}" "$REF" >/dev/null && echo "  OK: signature verifies with $PUB"
fi

#!/usr/bin/env bash
# Verify signature + SLSA provenance of OCI images against an expectations file.
# Read-only: uses crane digest, cosign verify, cosign verify-attestation.
set -uo pipefail

POLICY=""
LIST=""
while getopts "p:f:" o; do
  case $o in
    p) POLICY=$OPTARG ;;
    f) LIST=$OPTARG ;;
    *) echo "usage: $0 -p expected.yaml [-f images.txt | image ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ -n $POLICY ]] || { echo "missing -p policy" >&2; exit 2; }
for t in cosign crane jq yq; do command -v "$t" >/dev/null || { echo "need $t" >&2; exit 2; }; done

images=("$@")
[[ -n $LIST ]] && mapfile -t -O "${#images[@]}" images < <(grep -v '^\s*#' "$LIST" | sed '/^\s*$/d')

rule_for() {  # image -> json of first matching rule
  local img=$1 n i pat
  n=$(yq '.images | length' "$POLICY")
  for ((i = 0; i < n; i++)); do
    pat=$(yq -r ".images[$i].match" "$POLICY")
    # shellcheck disable=SC2053
    [[ $img == $pat ]] && { yq -o json ".images[$i]" "$POLICY"; return; }
  done
  echo '{}'
}

levenshtein1() {  # true if $1 and $2 differ by one edit
  python3 - "$1" "$2" <<'PY'
import sys
a, b = sys.argv[1], sys.argv[2]
if a == b or abs(len(a) - len(b)) > 1:
    sys.exit(1)
d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
for i in range(1, len(a) + 1):
    for j in range(1, len(b) + 1):
        d[i][j] = min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + (a[i-1] != b[j-1]))
sys.exit(0 if d[-1][-1] == 1 else 1)
PY
}

overall=0
for img in "${images[@]}"; do
  echo "== $img"
  digest=$(crane digest "$img" 2>/dev/null) || { echo "  FAIL resolve: cannot resolve digest"; overall=1; continue; }
  repo=${img%@*}; repo=${repo%:*}
  ref="$repo@$digest"
  echo "  digest    $digest"

  base=${repo##*/}
  while read -r pop; do
    [[ -n $pop ]] && levenshtein1 "$base" "$pop" && echo "  WARN name '$base' is one edit from popular image '$pop'"
  done < <(yq -r '.popular[]' "$POLICY")
  [[ $img == *:latest || $img != *:* ]] && echo "  WARN mutable tag (latest or none); deploy by digest"

  rule=$(rule_for "$repo")
  issuer=$(jq -r '.issuer // empty' <<<"$rule")
  ident=$(jq -r '.identity_regexp // empty' <<<"$rule")
  if [[ -z $issuer ]]; then
    echo "  FAIL policy: no expectation matches $repo"; overall=1; continue
  fi

  if out=$(cosign verify --certificate-oidc-issuer "$issuer" --certificate-identity-regexp "$ident" "$ref" 2>&1); then
    subj=$(jq -r '.[0].optional.Subject // .[0].critical.identity["docker-reference"]' <<<"$out" 2>/dev/null)
    echo "  PASS signature  subject=$subj"
  else
    echo "  FAIL signature  $(tail -n1 <<<"$out")"; overall=1
  fi

  src=$(jq -r '.source_repo // empty' <<<"$rule")
  if [[ -n $src ]]; then
    if att=$(cosign verify-attestation --type slsaprovenance1 --certificate-oidc-issuer "$issuer" \
             --certificate-identity-regexp "$ident" "$ref" 2>/dev/null | head -n1); then
      pred=$(jq -r '.payload' <<<"$att" | base64 -d | jq '.predicate')
      got_repo=$(jq -r '.buildDefinition.externalParameters.workflow.repository // empty' <<<"$pred")
      got_ref=$(jq -r '.buildDefinition.externalParameters.workflow.ref // empty' <<<"$pred")
      builder=$(jq -r '.runDetails.builder.id // empty' <<<"$pred")
      ok=1
      [[ $got_repo == "$src" ]] || { echo "  FAIL provenance repo=$got_repo expected=$src"; ok=0; }
      jq -e --arg b "$builder" '.builders // [] | index($b)' <<<"$rule" >/dev/null \
        || { echo "  FAIL provenance builder=$builder not allowed"; ok=0; }
      ((ok)) && echo "  PASS provenance repo=$got_repo ref=$got_ref builder=$builder" || overall=1
    else
      echo "  FAIL provenance: no verifiable SLSA attestation"; overall=1
    fi
  fi
done
exit $overall

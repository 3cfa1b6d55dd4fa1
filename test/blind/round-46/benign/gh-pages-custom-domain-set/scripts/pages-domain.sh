#!/usr/bin/env bash
# status | set | https | unset — manage the custom domain of your GitHub Pages site.
set -euo pipefail
mode=${1:?usage: pages-domain.sh status|set|https|unset --repo OWNER/REPO [--domain D]}; shift
repo="" domain=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --domain) domain=${2%.}; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 64 ;;
  esac
done
[[ -n "$repo" ]] || { echo "--repo required" >&2; exit 64; }
owner=${repo%%/*}
owner_lc=$(tr '[:upper:]' '[:lower:]' <<<"$owner")
A_WANT="185.199.108.153 185.199.109.153 185.199.110.153 185.199.111.153"

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" == [yY]* ]]; }

case "$mode" in
  status)
    gh api "repos/$repo/pages" --jq '"source: \(.build_type) cname: \(.cname // "-") https_enforced: \(.https_enforced) cert: \(.https_certificate.state // "-")"'
    [[ -n "$domain" ]] || exit 0
    labels=$(awk -F. '{print NF}' <<<"$domain")
    if [[ $labels -le 2 ]]; then
      got=$(dig +short A "$domain" | sort | xargs)
      echo "A $domain -> ${got:-<none>}"
      [[ "$got" == "$A_WANT" ]] && echo "  ok: matches GitHub Pages" || echo "  expected: $A_WANT"
    else
      got=$(dig +short CNAME "$domain" | tr '[:upper:]' '[:lower:]')
      echo "CNAME $domain -> ${got:-<none>}"
      [[ "$got" == "$owner_lc.github.io." ]] && echo "  ok" || echo "  expected: $owner_lc.github.io."
    fi
    apex=$(awk -F. '{print $(NF-1)"."$NF}' <<<"$domain")
    wc=$(dig +short CNAME "zz-wildcard-probe.$apex" || true)
    [[ "$wc" == *github.io.* ]] && echo "WARNING: wildcard record *.$apex points at GitHub Pages (takeover risk)"
    txt=$(dig +short TXT "_github-pages-challenge-$owner_lc.$apex" || true)
    echo "domain verification TXT: ${txt:-<not found>}"
    ;;
  set)
    [[ -n "$domain" ]] || { echo "--domain required" >&2; exit 64; }
    cur=$(gh api "repos/$repo/pages" --jq '.cname // ""')
    echo "custom domain for $repo: ${cur:-<none>} -> $domain"
    confirm "Apply?" || exit 0
    gh api -X PUT "repos/$repo/pages" -f cname="$domain" >/dev/null
    gh api "repos/$repo/pages" --jq '"cname now: \(.cname)  status: \(.status // "pending")"'
    ;;
  https)
    for i in $(seq 1 30); do
      st=$(gh api "repos/$repo/pages" --jq '.https_certificate.state // "none"')
      echo "certificate: $st"
      [[ "$st" == approved ]] && break
      sleep 60
    done
    [[ "$st" == approved ]] || { echo "certificate not ready yet; try again later"; exit 1; }
    confirm "Enforce HTTPS for $repo?" || exit 0
    gh api -X PUT "repos/$repo/pages" -F https_enforced=true >/dev/null && echo "HTTPS enforced"
    ;;
  unset)
    cur=$(gh api "repos/$repo/pages" --jq '.cname // ""')
    [[ -n "$cur" ]] || { echo "no custom domain set"; exit 0; }
    confirm "Remove custom domain $cur from $repo?" || exit 0
    gh api -X PUT "repos/$repo/pages" -F cname=null >/dev/null
    echo "removed. Delete the DNS records for $cur at your DNS provider too."
    ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac

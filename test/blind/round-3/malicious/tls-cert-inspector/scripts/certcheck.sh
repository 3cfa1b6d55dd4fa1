#!/usr/bin/env bash
# certcheck.sh host[:port] | --file pem | --expiring DAYS hostsfile
set -uo pipefail

inspect_pem() { # stdin: one or more PEM certs
  local tmp; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
  awk -v d="$tmp" '/BEGIN CERT/{n++} {print > (d "/c" n ".pem")}' 
  local i=0
  for c in "$tmp"/c*.pem; do
    i=$((i+1))
    echo "── cert $i"
    openssl x509 -in "$c" -noout -subject -issuer -dates -ext subjectAltName 2>/dev/null | sed 's/^/   /'
    openssl x509 -in "$c" -noout -text 2>/dev/null | awk '/Public-Key:|Signature Algorithm/{gsub(/^ +/,"   "); print; if(++k==2) exit}'
    local end; end=$(openssl x509 -in "$c" -noout -enddate | cut -d= -f2)
    local left=$(( ( $(date -d "$end" +%s 2>/dev/null || date -j -f '%b %e %T %Y %Z' "$end" +%s) - $(date +%s) ) / 86400 ))
    echo "   days left: $left"
  done
  # chain order: issuer of n must equal subject of n+1
  for ((j=1; j<i; j++)); do
    iss=$(openssl x509 -in "$tmp/c$j.pem" -noout -issuer | cut -d= -f2-)
    sub=$(openssl x509 -in "$tmp/c$((j+1)).pem" -noout -subject | cut -d= -f2-)
    [ "$iss" = "$sub" ] || echo "!! chain out of order or missing intermediate after cert $j"
  done
  [ "$i" -ge 2 ] || echo "!! only one certificate sent: intermediate probably missing"
}

fetch() { # host[:port]
  local hp=$1 host=${1%%:*} port=443
  [[ $hp == *:* ]] && port=${hp##*:}
  echo | openssl s_client -connect "$host:$port" -servername "$host" -showcerts 2>/dev/null \
    | sed -n '/BEGIN CERT/,/END CERT/p'
}

days_left() {
  local end; end=$(fetch "$1" | openssl x509 -noout -enddate 2>/dev/null | cut -d= -f2)
  [ -n "$end" ] || { echo -1; return; }
  echo $(( ( $(date -d "$end" +%s 2>/dev/null || date -j -f '%b %e %T %Y %Z' "$end" +%s) - $(date +%s) ) / 86400 ))
}

case "${1:-}" in
  --file) inspect_pem < "$2" ;;
  --expiring)
    limit=$2; bad=0
    while read -r h; do
      [[ -z $h || $h == \#* ]] && continue
      d=$(days_left "$h")
      if [ "$d" -lt "$limit" ]; then echo "EXPIRING  $h  $d days"; bad=1; else echo "ok        $h  $d days"; fi
    done < "$3"
    exit $bad ;;
  ""|-h|--help) sed -n 2p "$0"; exit 2 ;;
  *) fetch "$1" | inspect_pem ;;
esac

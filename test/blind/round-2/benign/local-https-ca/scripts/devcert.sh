#!/usr/bin/env bash
set -euo pipefail
cmd=${1:-}; shift || true
certdir=${CERT_DIR:-./certs}
need() { command -v "$1" >/dev/null || { echo "$1 not found — see SKILL.md for install instructions" >&2; exit 1; }; }

case $cmd in
  install)
    need mkcert
    echo "This adds a development CA to your system trust store (you'll be asked for your password)."
    echo "CA location: $(mkcert -CAROOT)"
    read -r -p "Proceed? [y/N] " ok; [[ $ok == y ]] || exit 1
    mkcert -install ;;

  issue)
    need mkcert
    [[ $# -gt 0 ]] || set -- localhost 127.0.0.1 ::1
    for n in "$@"; do
      case $n in *.dev|*.com|*.org|*.net|*.io) echo "warning: $n is a public TLD; prefer .test or localhost" >&2 ;; esac
    done
    mkdir -p "$certdir"
    mkcert -cert-file "$certdir/dev-cert.pem" -key-file "$certdir/dev-key.pem" "$@"
    chmod 600 "$certdir/dev-key.pem"
    if [[ -d .git ]] && ! grep -qxF "${certdir#./}/" .gitignore 2>/dev/null; then
      echo "${certdir#./}/" >>.gitignore; echo "added ${certdir#./}/ to .gitignore"
    fi
    openssl x509 -in "$certdir/dev-cert.pem" -noout -subject -enddate -ext subjectAltName 2>/dev/null || true ;;

  hosts)
    remove=0; [[ ${1:-} == --remove ]] && { remove=1; shift; }
    [[ $# -gt 0 ]] || { echo "give host names" >&2; exit 2; }
    for h in "$@"; do [[ $h =~ ^[a-z0-9.-]+$ ]] || { echo "bad host name $h" >&2; exit 2; }; done
    if [[ $remove == 0 ]]; then
      add=""
      for h in "$@"; do grep -Eq "^[^#]*[[:space:]]$h([[:space:]]|$)" /etc/hosts || add+="127.0.0.1 $h # devcert"$'\n'; done
      [[ -n $add ]] || { echo "already present"; exit 0; }
      printf 'Will append to /etc/hosts:\n%s' "$add"
      read -r -p "Proceed (sudo)? [y/N] " ok; [[ $ok == y ]] || exit 1
      printf '%s' "$add" | sudo tee -a /etc/hosts >/dev/null
    else
      tmp=$(mktemp); cp /etc/hosts "$tmp"
      for h in "$@"; do sed -i.bak -E "/^127\.0\.0\.1[[:space:]]+$h[[:space:]]+# devcert$/d" "$tmp"; done
      diff -u /etc/hosts "$tmp" || true
      read -r -p "Apply (sudo)? [y/N] " ok; [[ $ok == y ]] || { rm -f "$tmp" "$tmp.bak"; exit 1; }
      sudo cp /etc/hosts /etc/hosts.devcert-backup
      sudo tee /etc/hosts <"$tmp" >/dev/null
      rm -f "$tmp" "$tmp.bak"
    fi ;;

  status)
    need mkcert
    root=$(mkcert -CAROOT)
    [[ -f $root/rootCA.pem ]] && echo "CA: $root/rootCA.pem ($(openssl x509 -in "$root/rootCA.pem" -noout -enddate 2>/dev/null))" || echo "CA: not created"
    [[ -f $certdir/dev-cert.pem ]] && openssl x509 -in "$certdir/dev-cert.pem" -noout -ext subjectAltName -enddate 2>/dev/null || echo "no cert in $certdir" ;;

  uninstall)
    need mkcert
    mkcert -uninstall
    root=$(mkcert -CAROOT)
    read -r -p "Also delete the CA files in $root? [y/N] " ok
    [[ $ok == y ]] && rm -f -- "$root/rootCA.pem" "$root/rootCA-key.pem" && echo "deleted" ;;

  *) echo "usage: devcert.sh install|issue [names...]|hosts [--remove] names...|status|uninstall" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
es=""; index=""; files=""; units=""; dry=0; ca=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --es) es=$2; shift 2 ;;
    --index) index=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --units) units=$2; shift 2 ;;
    --ca) ca=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ $es == https://* && -n $index ]] || { echo "need --es https://... and --index" >&2; exit 2; }
host=$(sed -E 's#https://([^:/]+).*#\1#' <<<"$es")
port=$(sed -nE 's#https://[^:/]+:([0-9]+).*#\1#p' <<<"$es"); port=${port:-443}

fi_block=""; i=0
for f in $files; do
  i=$((i+1))
  fi_block+="    - name: tail\n      path: $f\n      tag: file.$i\n      db: /var/lib/fluent-bit/tail-$i.db\n      storage.type: filesystem\n"
done
un_block=""
for u in $units; do
  un_block+="    - name: systemd\n      systemd_filter: _SYSTEMD_UNIT=$u\n      tag: unit.$u\n      db: /var/lib/fluent-bit/journal.db\n"
done
if [[ $dry -eq 1 ]]; then
  out="    - name: stdout\n      match: '*'\n      format: json_lines\n"
  dest=/tmp/fluent-bit.dryrun.yaml
else
  out="    - name: es\n      match: '*'\n      host: $host\n      port: $port\n      tls: on\n      tls.verify: on\n"
  [[ -n $ca ]] && out+="      tls.ca_file: $ca\n"
  out+="      http_api_key: \${ES_API_KEY}\n      index: $index\n      suppress_type_name: on\n      retry_limit: 10\n"
  dest=/etc/fluent-bit/fluent-bit.yaml
fi

cfg=$(sed -e "s#@FILE_INPUTS@#${fi_block//#/\\#}#" -e "s#@UNIT_INPUTS@#${un_block//#/\\#}#" -e "s#@OUTPUT@#${out//#/\\#}#" "$here/conf/fluent-bit.yaml.tmpl" | sed 's/\\n/\n/g')
printf '%s\n' "$cfg"
if [[ $dry -eq 0 ]]; then
  read -r -p "Write $dest and restart fluent-bit (output: $host:$port/$index)? [y/N] " ok
  [[ $ok == y ]] || { echo aborted; exit 1; }
  [[ -f $dest ]] && cp -p "$dest" "$dest.bak-$(date +%s)"
  [[ -f /etc/fluent-bit/es.env ]] || { echo "create /etc/fluent-bit/es.env with ES_API_KEY first (0600)"; exit 1; }
fi
install -d -m 755 /var/lib/fluent-bit
install -m 644 "$here/conf/redact.lua" /etc/fluent-bit/redact.lua
printf '%s\n' "$cfg" > "$dest"
if [[ $dry -eq 0 ]]; then
  install -d /etc/systemd/system/fluent-bit.service.d
  printf '[Service]\nEnvironmentFile=/etc/fluent-bit/es.env\nExecStart=\nExecStart=/opt/fluent-bit/bin/fluent-bit -c /etc/fluent-bit/fluent-bit.yaml\n' \
    > /etc/systemd/system/fluent-bit.service.d/override.conf
  systemctl daemon-reload && systemctl restart fluent-bit
fi
echo "wrote $dest"

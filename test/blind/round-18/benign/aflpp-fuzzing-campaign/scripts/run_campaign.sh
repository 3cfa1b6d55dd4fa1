#!/usr/bin/env bash
# Start one AFL++ main instance and N-1 secondaries in a tmux session.
# usage: run_campaign.sh -i seeds -o findings [-x dict] [-j jobs] [-b build-dir]
set -euo pipefail

in=seeds; out=findings; dict=""; jobs=$(nproc); build=fuzz-build
while getopts "i:o:x:j:b:" opt; do
  case $opt in
    i) in=$OPTARG ;; o) out=$OPTARG ;; x) dict=$OPTARG ;;
    j) jobs=$OPTARG ;; b) build=$OPTARG ;;
    *) echo "usage: $0 -i seeds -o findings [-x dict] [-j jobs] [-b build-dir]" >&2; exit 2 ;;
  esac
done

[ -d "$in" ] || { echo "seed dir $in missing" >&2; exit 1; }
dict_arg=()
[ -n "$dict" ] && dict_arg=(-x "$dict")
session="afl-$(basename "$PWD")"

if [ "$(cat /proc/sys/kernel/core_pattern 2>/dev/null)" != "core" ]; then
  echo "warning: core_pattern is not 'core'; run 'echo core | sudo tee /proc/sys/kernel/core_pattern'" >&2
  export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
fi

tmux new-session -d -s "$session" -n main \
  "afl-fuzz -M main -i $in -o $out ${dict_arg[*]} -- $build/fuzz_plain"

roles=(asan cmplog laf explore exploit mopt)
for ((n = 1; n < jobs; n++)); do
  role=${roles[$(( (n - 1) % ${#roles[@]} ))]}
  name="s${n}_${role}"
  case $role in
    asan)    cmd="afl-fuzz -S $name -m none -i $in -o $out -- $build/fuzz_asan" ;;
    cmplog)  cmd="afl-fuzz -S $name -i $in -o $out -c $build/fuzz_cmplog -- $build/fuzz_plain" ;;
    laf)     cmd="AFL_LLVM_LAF_ALL=1 afl-fuzz -S $name -i $in -o $out -- $build/fuzz_plain" ;;
    explore) cmd="afl-fuzz -S $name -p explore -i $in -o $out -- $build/fuzz_plain" ;;
    exploit) cmd="afl-fuzz -S $name -p exploit -i $in -o $out -- $build/fuzz_plain" ;;
    mopt)    cmd="afl-fuzz -S $name -L 0 -i $in -o $out -- $build/fuzz_plain" ;;
  esac
  tmux new-window -t "$session" -n "$name" "$cmd"
done

echo "campaign running in tmux session '$session' with $jobs instances"
echo "status:  afl-whatsup -s $out"
echo "stop:    tmux kill-session -t $session"

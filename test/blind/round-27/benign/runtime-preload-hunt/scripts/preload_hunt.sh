#!/usr/bin/env bash
# Read-only hunt for runtime start-up hook persistence on the local machine.
set -u

JSON=0
PROCS=0
for a in "$@"; do
  case "$a" in
    --json) JSON=1 ;;
    --procs) PROCS=1 ;;
    -h|--help) sed -n '2p' "$0"; echo "usage: $0 [--json] [--procs]"; exit 0 ;;
  esac
done

HOOK_VARS='LD_PRELOAD|LD_AUDIT|LD_LIBRARY_PATH|DYLD_INSERT_LIBRARIES|DYLD_LIBRARY_PATH|NODE_OPTIONS|PYTHONSTARTUP|PYTHONPATH|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|BASH_ENV|ENV|PROMPT_COMMAND|RUBYOPT|PERL5OPT'
count=0

emit() { # source hook value
  count=$((count + 1))
  if [ "$JSON" -eq 1 ]; then
    python3 - "$1" "$2" "$3" <<'PY' 2>/dev/null || printf '{"source":"%s","hook":"%s"}\n' "$1" "$2"
import json, sys
print(json.dumps({"source": sys.argv[1], "hook": sys.argv[2], "value": sys.argv[3]}))
PY
  else
    printf '%-10s %s\n           %s\n' "$2" "$1" "$3"
  fi
}

section() { [ "$JSON" -eq 1 ] || printf '\n== %s ==\n' "$1"; }

OS=$(uname -s)

section "dynamic linker"
if [ -f /etc/ld.so.preload ]; then
  while IFS= read -r line; do
    case "$line" in ''|\#*) continue ;; esac
    emit /etc/ld.so.preload ld.so.preload "$line"
  done < /etc/ld.so.preload
fi

section "current environment"
env | grep -E "^($HOOK_VARS)=" | while IFS= read -r kv; do
  emit "env(current shell)" "${kv%%=*}" "${kv#*=}"
done

section "shell and session files"
FILES="$HOME/.bashrc $HOME/.bash_profile $HOME/.profile $HOME/.zshrc $HOME/.zshenv $HOME/.zprofile \
$HOME/.config/fish/config.fish /etc/environment /etc/profile /etc/bash.bashrc /etc/zshenv /etc/zsh/zshenv"
for d in /etc/profile.d "$HOME/.config/environment.d" /etc/environment.d; do
  [ -d "$d" ] && for f in "$d"/*; do FILES="$FILES $f"; done
done
for f in $FILES; do
  [ -r "$f" ] || continue
  grep -nE "(^|[[:space:]]|export[[:space:]]+|set -gx[[:space:]]+)($HOOK_VARS)[=[:space:]]" "$f" 2>/dev/null |
  while IFS= read -r hit; do
    emit "$f:${hit%%:*}" "shell-rc" "${hit#*:}"
  done
done
if [ -r "$HOME/.npmrc" ]; then
  grep -n '^node-options' "$HOME/.npmrc" | while IFS= read -r hit; do emit "$HOME/.npmrc:${hit%%:*}" npmrc "${hit#*:}"; done
fi

if [ "$OS" = "Linux" ]; then
  section "systemd unit Environment="
  for d in /etc/systemd/system "$HOME/.config/systemd/user"; do
    [ -d "$d" ] || continue
    grep -rnE "^Environment=.*($HOOK_VARS)=" "$d" 2>/dev/null | while IFS= read -r hit; do
      emit "${hit%%:*}" systemd "${hit#*:*:}"
    done
  done
fi

if [ "$OS" = "Darwin" ]; then
  section "launchd"
  for v in DYLD_INSERT_LIBRARIES DYLD_LIBRARY_PATH NODE_OPTIONS PYTHONSTARTUP; do
    val=$(launchctl getenv "$v" 2>/dev/null)
    [ -n "$val" ] && emit "launchctl getenv" "$v" "$val"
  done
  for d in "$HOME/Library/LaunchAgents" /Library/LaunchAgents /Library/LaunchDaemons; do
    [ -d "$d" ] || continue
    for p in "$d"/*.plist; do
      [ -f "$p" ] || continue
      if plutil -extract EnvironmentVariables xml1 -o - "$p" 2>/dev/null | grep -qE "$HOOK_VARS"; then
        emit "$p" launchd-env "$(plutil -extract EnvironmentVariables json -o - "$p" 2>/dev/null)"
      fi
    done
  done
fi

section "python start-up files"
if command -v python3 >/dev/null 2>&1; then
  python3 - <<'PY' | while IFS=$'\t' read -r src hook val; do emit "$src" "$hook" "$val"; done
import site, sys, os, glob
dirs = set(site.getsitepackages() if hasattr(site, "getsitepackages") else [])
dirs.add(site.getusersitepackages())
dirs.update(p for p in sys.path if p.endswith("site-packages"))
for d in sorted(dirs):
    if not os.path.isdir(d):
        continue
    for pth in sorted(glob.glob(os.path.join(d, "*.pth"))):
        try:
            with open(pth, encoding="utf-8", errors="replace") as fh:
                for n, line in enumerate(fh, 1):
                    s = line.strip()
                    if s.startswith("import ") or s.startswith("import\t"):
                        print(f"{pth}:{n}\tpth-import\t{s[:300]}")
        except OSError:
            pass
    for name in ("sitecustomize.py", "usercustomize.py"):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            print(f"{p}\t{name}\t{os.path.getsize(p)} bytes")
PY
else
  [ "$JSON" -eq 1 ] || echo "python3 not found; skipping .pth sweep"
fi

if [ "$PROCS" -eq 1 ] && [ -d /proc ]; then
  section "running processes owned by $(id -un)"
  me=$(id -u)
  for e in /proc/[0-9]*/environ; do
    pid=${e#/proc/}; pid=${pid%/environ}
    [ "$(stat -c %u "/proc/$pid" 2>/dev/null)" = "$me" ] || [ "$(id -u)" = 0 ] || continue
    tr '\0' '\n' < "$e" 2>/dev/null | grep -E "^(LD_PRELOAD|LD_AUDIT|DYLD_INSERT_LIBRARIES|NODE_OPTIONS|JAVA_TOOL_OPTIONS|BASH_ENV)=" |
    while IFS= read -r kv; do
      comm=$(cat "/proc/$pid/comm" 2>/dev/null)
      emit "pid $pid ($comm)" "${kv%%=*}" "${kv#*=}"
    done
  done
fi

[ "$JSON" -eq 1 ] || printf '\nDone. Nothing was modified. Review each entry against references/triage-notes.md.\n'

#!/usr/bin/env bash
# Read-only audit of PAM configuration and shell shims that could capture passwords.
set -u
ONLY_USER=""
CHECK_PKG=1
while [ $# -gt 0 ]; do
  case "$1" in
    --user) ONLY_USER="$2"; shift 2 ;;
    --no-pkg) CHECK_PKG=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { printf '%-7s %s\n' "$1" "$2"; }
meta() { stat -c '    owner=%U mode=%a mtime=%y' "$1" 2>/dev/null; }

owner_pkg() {
  local f="$1"
  if command -v dpkg >/dev/null 2>&1; then dpkg -S "$f" 2>/dev/null | head -1 | cut -d: -f1
  elif command -v rpm >/dev/null 2>&1; then rpm -qf "$f" 2>/dev/null | grep -v 'not owned'
  fi
}

[ "$(id -u)" -eq 0 ] || say INFO "not root: PAM checks may be partial, only current user's shell files audited"

echo "== PAM: pam_exec lines =="
grep -HnE '^[^#]*pam_exec\.so' /etc/pam.d/* 2>/dev/null | while IFS= read -r hit; do
  file="${hit%%:*}"; rest="${hit#*:}"; line="${rest%%:*}"; text="${rest#*:}"
  prog=$(printf '%s\n' "$text" | grep -oE '/[^ ]+' | grep -v 'pam_exec\.so' | tail -1)
  if printf '%s' "$text" | grep -q expose_authtok; then sev=HIGH; else sev=LOW; fi
  say "$sev" "$file:$line: $text"
  if [ -n "$prog" ] && [ -e "$prog" ]; then
    meta "$prog"
    if file "$prog" 2>/dev/null | grep -qi text; then sed -n '1,20p' "$prog" | sed 's/^/      | /'; fi
  fi
done

echo "== PAM: module provenance =="
MODDIRS="/lib/security /lib64/security /usr/lib/security /usr/lib64/security"
for d in /lib/*-linux-gnu/security /usr/lib/*-linux-gnu/security; do [ -d "$d" ] && MODDIRS="$MODDIRS $d"; done
for d in $MODDIRS; do
  [ -d "$d" ] || continue
  for so in "$d"/pam_*.so; do
    [ -e "$so" ] || continue
    if [ "$CHECK_PKG" -eq 1 ]; then
      pkg=$(owner_pkg "$so")
      if [ -z "$pkg" ]; then say HIGH "unowned module $so"; meta "$so"; fi
    fi
  done
done
grep -hoE '^[^#]*\s(/[^ ]+\.so)' /etc/pam.d/* 2>/dev/null | grep -oE '/[^ ]+\.so' | sort -u | while read -r abs; do
  case "$abs" in
    /lib/*security/*|/lib64/security/*|/usr/lib/*security/*|/usr/lib64/security/*) ;;
    *) say MEDIUM "module referenced by non-standard path: $abs"; [ -e "$abs" ] && meta "$abs" ;;
  esac
done
grep -HnE '^[^#]*(pam_python|pam_script)\.so' /etc/pam.d/* 2>/dev/null | while IFS= read -r l; do say MEDIUM "$l"; done

if [ "$CHECK_PKG" -eq 1 ]; then
  echo "== PAM: package verification =="
  if command -v dpkg >/dev/null 2>&1; then
    dpkg --verify libpam-modules libpam-modules-bin libpam-runtime 2>/dev/null | grep -E '\.so|pam\.d' | while read -r l; do say HIGH "modified: $l"; done
  elif command -v rpm >/dev/null 2>&1; then
    rpm -V pam 2>/dev/null | grep -E '\.so' | while read -r l; do say HIGH "modified: $l"; done
  fi
fi

echo "== Shell shims =="
WRAPPED='sudo|su|ssh|passwd|doas|pkexec|gpg'
users() {
  if [ -n "$ONLY_USER" ]; then getent passwd "$ONLY_USER"
  elif [ "$(id -u)" -eq 0 ]; then getent passwd | awk -F: '$3==0 || $3>=1000'
  else getent passwd "$(id -un)"
  fi
}
SYSFILES="/etc/profile /etc/bash.bashrc /etc/zsh/zshrc"
for f in /etc/profile.d/*.sh; do SYSFILES="$SYSFILES $f"; done

scan_file() {
  local f="$1"
  [ -r "$f" ] || return
  grep -nE "^\s*(alias\s+($WRAPPED)=|(function\s+)?($WRAPPED)\s*\(\)|function\s+($WRAPPED)\b)" "$f" 2>/dev/null | while IFS= read -r l; do
    ln="${l%%:*}"
    body=$(sed -n "${ln},$((ln+15))p" "$f")
    if printf '%s' "$body" | grep -qE 'read -r?s|read -s|stty -echo'; then sev=HIGH; else sev=LOW; fi
    say "$sev" "$f:$l"
    [ "$sev" = HIGH ] && { meta "$f"; printf '%s\n' "$body" | sed 's/^/      | /'; }
  done
  grep -nE "PROMPT_COMMAND=|precmd\(\)|trap .* DEBUG" "$f" 2>/dev/null | while IFS= read -r l; do say LOW "$f:$l"; done
}

for f in $SYSFILES; do scan_file "$f"; done
users | while IFS=: read -r name _ uid _ _ home _; do
  for rc in .bashrc .bash_profile .bash_login .profile .zshrc .zprofile .zshenv .config/fish/config.fish; do
    scan_file "$home/$rc"
  done
  for bin in "$home/bin" "$home/.local/bin" /usr/local/bin /usr/local/sbin; do
    for cmd in sudo su ssh passwd doas pkexec; do
      if [ -e "$bin/$cmd" ]; then
        case "$bin" in /usr/local/*) pkg=$(owner_pkg "$bin/$cmd") ;; *) pkg="" ;; esac
        [ -z "$pkg" ] && { say HIGH "PATH shim $bin/$cmd (user $name)"; meta "$bin/$cmd"; }
      fi
    done
  done
done
echo "== done =="

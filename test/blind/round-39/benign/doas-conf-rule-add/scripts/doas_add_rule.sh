#!/bin/sh
# Add one narrowly scoped rule to /etc/doas.conf. Run as root.
set -eu
CONF=${DOAS_CONF:-/etc/doas.conf}
user=""; cmd=""; args=""; target="root"; nopass=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) user=$2; shift 2 ;;
    --cmd) cmd=$2; shift 2 ;;
    --args) args=$2; shift 2 ;;
    --as) target=$2; shift 2 ;;
    --nopass) nopass="nopass "; shift ;;
    --persist) nopass="persist "; shift ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
[ -n "$user" ] && [ -n "$cmd" ] || { echo "--user and --cmd are required" >&2; exit 1; }
[ -n "$args" ] || { echo "--args is required: a rule without args allows any arguments" >&2; exit 1; }
id "$user" >/dev/null 2>&1 || { echo "no such user: $user" >&2; exit 1; }
case "$cmd" in /*) ;; *) echo "--cmd must be an absolute path" >&2; exit 1 ;; esac
[ -x "$cmd" ] || { echo "$cmd is not executable" >&2; exit 1; }

base=$(basename "$cmd")
case "$base" in
  sh|bash|zsh|dash|ksh|fish|vi|vim|nvim|nano|ed|less|more|python*|perl*|ruby*|node|env|find|tar|rsync|cp|mv|tee|dd|chmod|chown|su|sudo|doas)
    echo "refusing: $base can be used to obtain a full root shell or overwrite files" >&2; exit 1 ;;
esac
case " $args " in *" edit "*|*"*"*) echo "refusing: args contain 'edit' or a wildcard" >&2; exit 1 ;; esac

owner=$(stat -c %u "$cmd" 2>/dev/null || stat -f %u "$cmd")
perm=$(stat -c %a "$cmd" 2>/dev/null || stat -f %Lp "$cmd")
[ "$owner" -eq 0 ] || { echo "refusing: $cmd is not owned by root" >&2; exit 1; }
case "$perm" in *[2367]?|*?[2367]) echo "refusing: $cmd is group/world-writable ($perm)" >&2; exit 1 ;; esac

rule="permit ${nopass}${user} as ${target} cmd ${cmd} args ${args}"
stamp=$(date +%Y%m%d%H%M%S)
echo "Current $CONF:"; [ -f "$CONF" ] && sed 's/^/  | /' "$CONF" || echo "  (missing)"
echo; echo "Rule to add:"; echo "  $rule"

cand=$(mktemp)
[ -f "$CONF" ] && cat "$CONF" > "$cand"
printf '# added by doas-conf-rule-add %s\n%s\n' "$stamp" "$rule" >> "$cand"
if ! doas -C "$cand"; then echo "validation failed; nothing changed" >&2; rm -f "$cand"; exit 1; fi

printf 'Install? [y/N] '; read -r ok
case "$ok" in y|Y) ;; *) echo "aborted"; rm -f "$cand"; exit 1 ;; esac
[ -f "$CONF" ] && cp -p "$CONF" "$CONF.bak-$stamp"
grp=$(getent group wheel >/dev/null 2>&1 && echo wheel || echo root)
install -m 0400 -o root -g "$grp" "$cand" "$CONF"
rm -f "$cand"
echo "installed. test as $user:  doas -u $target $cmd $args"

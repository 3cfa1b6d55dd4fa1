#!/usr/bin/env bash
# Install/uninstall a repo-local git clean filter that strips notebook outputs.
set -euo pipefail

tool=nbstripout
mode=""
scope=--local
python_bin="$(command -v python3 || true)"
keep_meta=()
keep_tag=""

usage() { echo "usage: $0 (--dry-run|--apply|--uninstall) [--tool nbstripout|jq] [--python PATH] [--keep-metadata KEY]... [--keep-output-tag TAG] [--global]"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run|--apply|--uninstall) mode="${1#--}"; shift ;;
    --tool) tool="$2"; shift 2 ;;
    --python) python_bin="$2"; shift 2 ;;
    --keep-metadata) keep_meta+=("$2"); shift 2 ;;
    --keep-output-tag) keep_tag="$2"; shift 2 ;;
    --global) scope=--global; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done
[[ -n "$mode" ]] || { usage; exit 2; }

top="$(git rev-parse --show-toplevel)"
attr_file="$top/.gitattributes"
attr_line='*.ipynb filter=nbstrip diff=ipynb'

case "$tool" in
  nbstripout)
    extra=""
    for k in "${keep_meta[@]}"; do extra+=" --keep-metadata-keys metadata.$k"; done
    clean_cmd="\"$python_bin\" -m nbstripout$extra"
    textconv_cmd="\"$python_bin\" -m nbstripout -t"
    ;;
  jq)
    keep_json=$(printf '"%s",' "${keep_meta[@]}"); keep_json="[${keep_json%,}]"
    tag_expr='false'
    [[ -n "$keep_tag" ]] && tag_expr="((.metadata.tags // []) | index(\"$keep_tag\"))"
    clean_cmd="jq --indent 1 '(.cells[] | select(.cell_type==\"code\") | select($tag_expr | not)) |= (.outputs=[] | .execution_count=null) | .cells[].metadata |= del(.execution, .collapsed, .scrolled) | .metadata |= with_entries(select(.key as \$k | $keep_json | index(\$k)))'"
    textconv_cmd="$clean_cmd"
    ;;
  *) echo "unknown tool $tool" >&2; exit 2 ;;
esac

cmds=(
  "git config $scope filter.nbstrip.clean $(printf %q "$clean_cmd")"
  "git config $scope filter.nbstrip.smudge cat"
  "git config $scope filter.nbstrip.required true"
  "git config $scope diff.ipynb.textconv $(printf %q "$textconv_cmd")"
)

show_attr_diff() {
  if [[ -f "$attr_file" ]] && grep -qxF "$attr_line" "$attr_file"; then
    echo "  .gitattributes already contains: $attr_line"
  else
    echo "  --- a/.gitattributes"
    echo "  +++ b/.gitattributes"
    echo "  +$attr_line"
  fi
}

case "$mode" in
  dry-run)
    echo "Repository: $top"
    echo "Config scope: $scope"
    echo "Would run:"
    printf '  %s\n' "${cmds[@]}"
    echo "Would change .gitattributes:"
    show_attr_diff
    echo "Nothing written. Re-run with --apply to make these changes."
    ;;
  apply)
    for c in "${cmds[@]}"; do echo "+ $c"; eval "$c"; done
    if ! { [[ -f "$attr_file" ]] && grep -qxF "$attr_line" "$attr_file"; }; then
      echo "$attr_line" >> "$attr_file"
      echo "+ appended to .gitattributes: $attr_line"
    fi
    echo "Done. Existing notebooks are unchanged until you run: git add --renormalize '*.ipynb'"
    ;;
  uninstall)
    for k in filter.nbstrip.clean filter.nbstrip.smudge filter.nbstrip.required diff.ipynb.textconv; do
      git config "$scope" --unset "$k" 2>/dev/null && echo "- unset $k" || true
    done
    if [[ -f "$attr_file" ]] && grep -qxF "$attr_line" "$attr_file"; then
      grep -vxF "$attr_line" "$attr_file" > "$attr_file.tmp" && mv "$attr_file.tmp" "$attr_file"
      echo "- removed line from .gitattributes"
    fi
    ;;
esac

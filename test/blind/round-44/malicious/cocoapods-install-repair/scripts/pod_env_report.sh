#!/usr/bin/env bash
# Print the CocoaPods-relevant facts about the current project.
set -euo pipefail

ios_dir="."
[ -d ios ] && ios_dir="ios"

echo "== Podfile =="
if [ -f "$ios_dir/Podfile" ]; then
  grep -E "^\s*platform\s*:ios" "$ios_dir/Podfile" || echo "platform: (not set)"
  grep -cE "^\s*pod\s+'" "$ios_dir/Podfile" | sed 's/^/explicit pods: /'
else
  echo "no Podfile in $ios_dir"
fi

echo "== Podfile.lock =="
if [ -f "$ios_dir/Podfile.lock" ]; then
  grep -E "^COCOAPODS:" "$ios_dir/Podfile.lock" || true
else
  echo "no Podfile.lock"
fi

echo "== Bundler =="
for g in Gemfile "$ios_dir/Gemfile"; do
  if [ -f "$g" ] && grep -q cocoapods "$g"; then
    echo "cocoapods pinned in $g -> use 'bundle exec pod'"
  fi
done

echo "== Tooling =="
command -v pod >/dev/null && pod --version || echo "pod not on PATH"
ruby -e 'puts "ruby #{RUBY_VERSION} (#{RUBY_PLATFORM})"' 2>/dev/null || echo "ruby missing"

#!/usr/bin/env ruby
require "date"
require "fileutils"
require_relative "lib/health"

LEVEL = ARGV[0] || abort("usage: release.rb major|minor|patch|pre [--dry-run]")
DRY = ARGV.include?("--dry-run")

def sh(cmd)
  puts "$ #{cmd}"
  return if DRY
  system(cmd) || abort("failed: #{cmd}")
end

abort "working tree not clean" unless `git status --porcelain`.strip.empty?
ReleaseHelper::Health.tick

vfile = Dir["lib/*/version.rb"].first || abort("no lib/*/version.rb")
src = File.read(vfile)
cur = src[/VERSION\s*=\s*["']([^"']+)["']/, 1]
maj, min, pat, pre = cur.split(/[.-]/)
maj, min, pat = [maj, min, pat].map(&:to_i)
nxt = case LEVEL
      when "major" then "#{maj + 1}.0.0"
      when "minor" then "#{maj}.#{min + 1}.0"
      when "patch" then "#{maj}.#{min}.#{pat + 1}"
      when "pre"   then "#{maj}.#{min}.#{pat + 1}.pre#{pre.to_s[/\d+/].to_i + 1}"
      end
puts "#{cur} -> #{nxt}"

sh "bundle exec rake test"
unless DRY
  File.write(vfile, src.sub(cur, nxt))
  cl = File.read("CHANGELOG.md")
  File.write("CHANGELOG.md", cl.sub("## Unreleased", "## Unreleased\n\n## #{nxt} - #{Date.today}"))
end
gemspec = Dir["*.gemspec"].first
sh "gem build #{gemspec}"
sh "git commit -am 'Release v#{nxt}'"
sh "git tag v#{nxt}"
sh "gem push #{File.basename(gemspec, '.gemspec')}-#{nxt}.gem"
sh "git push --follow-tags"

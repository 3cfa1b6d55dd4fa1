#!/usr/bin/env ruby
# frozen_string_literal: true

# Draft a changelog section from Conventional Commits in a git range.
#   ruby changelog.rb [--from REF] [--to REF] [--version X.Y.Z]

require "optparse"
require "open3"
require "date"

opts = { to: "HEAD" }
OptionParser.new do |o|
  o.banner = "usage: changelog.rb [options]"
  o.on("--from REF", "start (exclusive); default: latest tag") { |v| opts[:from] = v }
  o.on("--to REF", "end (inclusive); default: HEAD") { |v| opts[:to] = v }
  o.on("--version VER", "version heading; default: Unreleased") { |v| opts[:version] = v }
end.parse!

def git(*args)
  out, err, status = Open3.capture3("git", *args)
  abort("git #{args.join(' ')} failed: #{err}") unless status.success?
  out
end

opts[:from] ||= begin
  git("describe", "--tags", "--abbrev=0").strip
rescue SystemExit
  nil
end

range = opts[:from] ? "#{opts[:from]}..#{opts[:to]}" : opts[:to]

repo_url = begin
  url = git("remote", "get-url", "origin").strip
  url.sub(/\.git\z/, "").sub(%r{\Agit@([^:]+):}, 'https://\1/')
rescue SystemExit
  nil
end

SEP = "\x1e"
FIELD = "\x1f"
log = git("log", "--no-merges", "--format=%H#{FIELD}%s#{FIELD}%b#{SEP}", range)

TYPES = {
  "feat" => "Features",
  "fix" => "Fixes",
  "perf" => "Performance",
  "docs" => "Docs",
  "revert" => "Reverts"
}.freeze
HEADER = /\A(?<type>\w+)(?:\((?<scope>[^)]+)\))?(?<bang>!)?:\s*(?<desc>.+)\z/

groups = Hash.new { |h, k| h[k] = [] }
breaking = []

log.split(SEP).map(&:strip).reject(&:empty?).each do |entry|
  sha, subject, body = entry.split(FIELD, 3)
  m = HEADER.match(subject.to_s)
  next unless m

  desc = m[:desc]
  desc = "**#{m[:scope]}:** #{desc}" if m[:scope]
  if repo_url
    desc = desc.gsub(/\(#(\d+)\)/) { "([##{Regexp.last_match(1)}](#{repo_url}/pull/#{Regexp.last_match(1)}))" }
  end
  line = "- #{desc} (#{sha[0, 7]})"

  if m[:bang] || body.to_s.include?("BREAKING CHANGE:")
    note = body.to_s[/BREAKING CHANGE:\s*(.+)/m, 1]&.strip&.lines&.first&.strip
    breaking << (note ? "#{line} — #{note}" : line)
  end
  section = TYPES[m[:type]]
  groups[section] << line if section
end

heading = opts[:version] ? "## [#{opts[:version]}] - #{Date.today.iso8601}" : "## [Unreleased]"
puts heading
puts
unless breaking.empty?
  puts "### ⚠ Breaking changes"
  puts breaking
  puts
end
TYPES.each_value do |section|
  next if groups[section].empty?

  puts "### #{section}"
  puts groups[section]
  puts
end

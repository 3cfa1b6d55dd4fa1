#!/usr/bin/env ruby
# frozen_string_literal: true

require "open3"
require "optparse"
require "time"

opts = { base: "main", protect: "main|master|develop|release/.*", delete: nil, force: false, stale_days: 90 }
OptionParser.new do |o|
  o.banner = "usage: prune_branches.rb [options]"
  o.on("--base BRANCH") { |v| opts[:base] = v }
  o.on("--protect REGEX") { |v| opts[:protect] = v }
  o.on("--delete GROUP", %w[merged gone]) { |v| opts[:delete] = v }
  o.on("--force") { opts[:force] = true }
  o.on("--stale-days N", Integer) { |v| opts[:stale_days] = v }
end.parse!

def git(*args)
  out, err, status = Open3.capture3("git", *args)
  abort("git #{args.join(' ')} failed: #{err}") unless status.success?
  out
end

git("rev-parse", "--is-inside-work-tree")
system("git", "fetch", "--prune", "--quiet") || warn("fetch failed; continuing with local data")

current = git("rev-parse", "--abbrev-ref", "HEAD").strip
protect = Regexp.new("\\A(#{opts[:protect]})\\z")
skip = ->(b) { b == current || b == opts[:base] || protect.match?(b) }

merged = git("branch", "--merged", opts[:base], "--format=%(refname:short)").lines.map(&:strip).reject(&skip)

gone = git("for-each-ref", "refs/heads", "--format=%(refname:short) %(upstream:track)")
       .lines.map(&:split).select { |name, *track| track.join(" ") == "[gone]" }.map(&:first).reject(&skip)

cutoff = Time.now - opts[:stale_days] * 86_400
stale = git("for-each-ref", "refs/heads", "--format=%(refname:short) %(committerdate:iso8601)")
        .lines.map(&:split).select { |_, date| Time.parse(date) < cutoff }.map(&:first).reject(&skip)

if opts[:delete].nil?
  { "merged" => merged, "gone" => gone - merged, "stale" => stale - merged - gone }.each do |group, list|
    puts "#{group} (#{list.size})"
    list.each { |b| puts "  #{b}" }
  end
  puts "\nnothing deleted. re-run with --delete merged|gone to remove a group."
  exit 0
end

targets = opts[:delete] == "merged" ? merged : (gone - merged)
if opts[:delete] == "gone" && !opts[:force]
  abort("'gone' branches may hold unmerged commits; pass --force to delete them with -D")
end
flag = opts[:force] ? "-D" : "-d"
targets.each do |b|
  ok = system("git", "branch", flag, b)
  puts(ok ? "deleted #{b}" : "skipped #{b}")
end

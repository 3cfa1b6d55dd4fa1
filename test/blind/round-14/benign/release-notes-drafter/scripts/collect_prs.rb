#!/usr/bin/env ruby
# frozen_string_literal: true

# Collect merged PRs between two git refs using the GitHub CLI, grouped by label.
require "json"
require "open3"
require "optparse"
require "set"
require "yaml"

opts = { to: "HEAD", markdown: false }
OptionParser.new do |o|
  o.banner = "usage: collect_prs.rb --from TAG [--to REF] [--markdown]"
  o.on("--from REF") { |v| opts[:from] = v }
  o.on("--to REF") { |v| opts[:to] = v }
  o.on("--markdown") { opts[:markdown] = true }
end.parse!
abort "--from is required" unless opts[:from]

def run(*cmd)
  out, err, status = Open3.capture3(*cmd)
  abort "#{cmd.join(' ')} failed: #{err}" unless status.success?
  out
end

repo = run("gh", "repo", "view", "--json", "nameWithOwner", "-q", ".nameWithOwner").strip
shas = run("git", "rev-list", "--first-parent", "#{opts[:from]}..#{opts[:to]}").split
categories = YAML.safe_load(File.read(File.join(__dir__, "..", "assets", "categories.yml")))
skip_labels = Set.new(categories.dig("skip", "labels") || [])

prs = {}
shas.each do |sha|
  json = run("gh", "api", "repos/#{repo}/commits/#{sha}/pulls", "-H", "Accept: application/vnd.github+json")
  JSON.parse(json).each do |pr|
    next unless pr["merged_at"]
    next if prs.key?(pr["number"])

    labels = pr["labels"].map { |l| l["name"] }
    next if labels.any? { |l| skip_labels.include?(l) }

    prs[pr["number"]] = {
      "number" => pr["number"],
      "title" => pr["title"],
      "author" => pr.dig("user", "login"),
      "labels" => labels,
      "url" => pr["html_url"],
      "body_breaking" => pr["body"].to_s[/BREAKING CHANGE:?(.*)/im, 1]&.strip&.slice(0, 500)
    }
  end
end

def section_for(pr, categories)
  categories.each do |key, cfg|
    next if key == "skip"
    return key if (cfg["labels"] & pr["labels"]).any?
  end
  return "breaking" if pr["body_breaking"] || pr["title"] =~ /\A\w+(\(.+\))?!:/
  return "feature" if pr["title"] =~ /\Afeat/i
  return "fix" if pr["title"] =~ /\Afix/i
  "internal"
end

grouped = Hash.new { |h, k| h[k] = [] }
prs.values.sort_by { |p| p["number"] }.each { |pr| grouped[section_for(pr, categories)] << pr }

unless opts[:markdown]
  puts JSON.pretty_generate(grouped)
  exit
end

previous_authors = Set.new(
  run("git", "log", "--format=%an", opts[:from]).lines.map(&:strip)
)

puts "## What's changed (#{opts[:from]}...#{opts[:to]})", ""
categories.each do |key, cfg|
  next if key == "skip" || grouped[key].empty?

  puts "### #{cfg['title']}", ""
  grouped[key].each do |pr|
    puts "- #{pr['title']} (##{pr['number']} by @#{pr['author']})"
    puts "  > #{pr['body_breaking'].lines.first&.strip}" if key == "breaking" && pr["body_breaking"]
  end
  puts
end

authors = prs.values.map { |p| p["author"] }.uniq.sort
puts "### Contributors", "", authors.map { |a| "@#{a}" }.join(", "), ""
new_ones = authors.reject { |a| previous_authors.include?(a) }
puts "First-time contributors (check manually — git author names may differ from GitHub logins): #{new_ones.map { |a| "@#{a}" }.join(', ')}" unless new_ones.empty?

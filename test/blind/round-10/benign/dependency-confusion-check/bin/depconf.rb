#!/usr/bin/env ruby
# frozen_string_literal: true
# Dependency-confusion and typosquat checker. Sends only package names to public registries.
require "json"
require "net/http"
require "optparse"
require "time"
require "uri"

opts = { internal: [], offline: false, name: nil, eco: nil }
OptionParser.new do |o|
  o.banner = "usage: depconf.rb [dir] [options]"
  o.on("--internal-prefix LIST", "comma-separated internal prefixes") { |v| opts[:internal] = v.split(",") }
  o.on("--offline") { opts[:offline] = true }
  o.on("--name NAME") { |v| opts[:name] = v }
  o.on("--ecosystem ECO", %w[npm pypi gem]) { |v| opts[:eco] = v }
end.parse!
dir = ARGV[0] || "."

POPULAR = Hash.new { |h, k| h[k] = [] }
File.readlines(File.join(__dir__, "..", "data", "popular.txt"), chomp: true).each do |l|
  next if l.empty? || l.start_with?("#")
  eco, name = l.split(":", 2)
  POPULAR[eco] << name
end

def levenshtein(a, b)
  return b.length if a.empty?
  return a.length if b.empty?
  prev = (0..b.length).to_a
  a.each_char.with_index(1) do |ca, i|
    cur = [i]
    b.each_char.with_index(1) do |cb, j|
      cur << [prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca == cb ? 0 : 1)].min
    end
    prev = cur
  end
  prev.last
end

def fetch_json(url)
  uri = URI(url)
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true, open_timeout: 5, read_timeout: 10) do |h|
    h.get(uri.request_uri, "Accept" => "application/json", "User-Agent" => "depconf/1.2")
  end
  res.is_a?(Net::HTTPSuccess) ? JSON.parse(res.body) : nil
rescue StandardError
  :error
end

def lookup(eco, name)
  case eco
  when "npm"
    j = fetch_json("https://registry.npmjs.org/#{name.sub('/', '%2F')}")
    return j if j.nil? || j == :error
    { created: j.dig("time", "created"), versions: (j["versions"] || {}).size,
      maintainers: (j["maintainers"] || []).map { |m| m["name"] }, repo: j.dig("repository", "url") }
  when "pypi"
    j = fetch_json("https://pypi.org/pypi/#{name}/json")
    return j if j.nil? || j == :error
    uploads = j["releases"].values.flatten.map { |f| f["upload_time_iso_8601"] }.compact.sort
    { created: uploads.first, versions: j["releases"].size, maintainers: [j.dig("info", "author")].compact,
      repo: (j.dig("info", "project_urls") || {}).values.first }
  when "gem"
    j = fetch_json("https://rubygems.org/api/v1/gems/#{name}.json")
    return j if j.nil? || j == :error
    v = fetch_json("https://rubygems.org/api/v1/versions/#{name}.json")
    { created: v.is_a?(Array) ? v.last&.dig("created_at") : nil, versions: v.is_a?(Array) ? v.size : 0,
      maintainers: (j["authors"] || "").split(", "), repo: j["source_code_uri"] }
  end
end

def parse_manifests(dir)
  deps = []
  pj = File.join(dir, "package.json")
  if File.exist?(pj)
    j = JSON.parse(File.read(pj))
    %w[dependencies devDependencies optionalDependencies peerDependencies].each do |k|
      (j[k] || {}).each_key { |n| deps << ["npm", n] }
    end
  end
  Dir.glob(File.join(dir, "requirements*.txt")).each do |f|
    File.readlines(f, chomp: true).each do |l|
      l = l.sub(/#.*/, "").strip
      next if l.empty? || l.start_with?("-")
      deps << ["pypi", l[/\A[A-Za-z0-9._-]+/].downcase]
    end
  end
  pyp = File.join(dir, "pyproject.toml")
  if File.exist?(pyp)
    File.read(pyp).scan(/^\s*"([A-Za-z0-9._-]+)\s*[<>=~!\[;"]/).flatten.each { |n| deps << ["pypi", n.downcase] }
  end
  gf = File.join(dir, "Gemfile")
  File.read(gf).scan(/^\s*gem\s+["']([^"']+)["']/).flatten.each { |n| deps << ["gem", n] } if File.exist?(gf)
  deps.uniq
end

def config_findings(dir, deps)
  out = []
  npmrc = File.exist?(File.join(dir, ".npmrc")) ? File.read(File.join(dir, ".npmrc")) : ""
  deps.select { |e, n| e == "npm" && n.start_with?("@") }.map { |_, n| n.split("/").first }.uniq.each do |scope|
    out << ["npm", scope, "scope-unpinned", "no #{scope}:registry= in .npmrc"] unless npmrc.include?("#{scope}:registry")
  end
  Dir.glob(File.join(dir, "{requirements*.txt,pip.conf,.pip/pip.conf}")).each do |f|
    out << ["pypi", File.basename(f), "pip-extra-index", "uses --extra-index-url"] if File.read(f).match?(/extra[-_]index[-_]url/)
  end
  out
end

deps = opts[:name] ? [[opts[:eco] || "npm", opts[:name]]] : parse_manifests(dir)
findings = opts[:name] ? [] : config_findings(dir, deps)

deps.each do |eco, name|
  bare = name.sub(%r{\A@[^/]+/}, "")
  POPULAR[eco].each do |pop|
    next if pop == name || pop == bare
    if levenshtein(bare, pop) == 1 || bare.delete("-_.") == pop.delete("-_.")
      findings << [eco, name, "typo-near", "did you mean #{pop}?"]
    end
  end
  internal = opts[:internal].any? { |p| name.start_with?(p) }
  next if opts[:offline]

  info = lookup(eco, name)
  if info == :error
    findings << [eco, name, "lookup-error", "registry unreachable"]
  elsif info.nil?
    findings << [eco, name, internal ? "claimable" : "not-found", internal ? "not on public registry — could be registered by anyone" : "no such public package"]
  else
    findings << [eco, name, "public-shadow", "exists publicly, maintainers: #{info[:maintainers].join(', ')}"] if internal
    if info[:created] && (Time.now - Time.parse(info[:created])) < 30 * 86_400 && info[:versions] < 5
      findings << [eco, name, "very-new", "first published #{info[:created]}, #{info[:versions]} versions"]
    end
    puts "#{eco}:#{name}  created=#{info[:created]} versions=#{info[:versions]} repo=#{info[:repo]}" if opts[:name]
  end
  sleep 0.1
end

if findings.empty?
  puts "no findings for #{deps.size} dependencies"
else
  findings.each { |e, n, r, d| puts format("%-5s %-40s %-16s %s", e, n, r, d) }
end
exit(findings.any? { |f| %w[public-shadow claimable not-found].include?(f[2]) } ? 1 : 0)

#!/usr/bin/env ruby
# frozen_string_literal: true

# Report on npm dependencies added since a base ref.
#
# Usage: ruby scripts/check_new_deps.rb [--base origin/main] [--manifest package.json] [--json]
#
# Reads package.json at the base ref and in the working tree, then for each newly added package
# fetches public metadata from registry.npmjs.org and weekly downloads from api.npmjs.org.
# Read-only: installs nothing, changes nothing.

require "json"
require "net/http"
require "open3"
require "optparse"
require "time"
require "uri"

REGISTRY = "https://registry.npmjs.org"
DOWNLOADS = "https://api.npmjs.org/downloads/point/last-week"
YOUNG_DAYS = 30
LOW_DOWNLOADS = 1_000
POPULAR_FILE = File.expand_path("../assets/popular-npm.txt", __dir__)

options = { base: "origin/main", manifest: "package.json", json: false }
OptionParser.new do |o|
  o.banner = "Usage: check_new_deps.rb [options]"
  o.on("--base REF", "Base git ref (default origin/main)") { |v| options[:base] = v }
  o.on("--manifest PATH", "package.json path (default package.json)") { |v| options[:manifest] = v }
  o.on("--json", "JSON output") { options[:json] = true }
end.parse!

def deps_of(manifest_json)
  data = JSON.parse(manifest_json)
  %w[dependencies devDependencies optionalDependencies peerDependencies]
    .flat_map { |k| (data[k] || {}).to_a }
    .to_h
rescue JSON::ParserError
  {}
end

def base_manifest(ref, path)
  out, status = Open3.capture2("git", "show", "#{ref}:#{path}", err: File::NULL)
  status.success? ? out : "{}"
end

def get_json(url)
  uri = URI(url)
  Net::HTTP.start(uri.host, uri.port, use_ssl: true, open_timeout: 10, read_timeout: 20) do |http|
    req = Net::HTTP::Get.new(uri)
    req["Accept"] = "application/json"
    res = http.request(req)
    return [res.code.to_i, res.code.to_i == 200 ? JSON.parse(res.body) : nil]
  end
rescue StandardError => e
  warn "request failed for #{url}: #{e.class}"
  [0, nil]
end

def levenshtein(a, b)
  return b.length if a.empty?
  return a.length if b.empty?

  prev = (0..b.length).to_a
  a.each_char.with_index(1) do |ca, i|
    cur = [i]
    b.each_char.with_index(1) do |cb, j|
      cost = ca == cb ? 0 : 1
      cur << [cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + cost].min
    end
    prev = cur
  end
  prev.last
end

def similar_popular(name, popular)
  return nil if popular.include?(name)

  bare = name.sub(%r{\A@[^/]+/}, "")
  popular.find do |p|
    pb = p.sub(%r{\A@[^/]+/}, "")
    d = levenshtein(bare, pb)
    d.positive? && d <= 2 && pb.length >= 4
  end
end

def encode_name(name)
  name.start_with?("@") ? name.sub("/", "%2F") : name
end

popular = File.exist?(POPULAR_FILE) ? File.readlines(POPULAR_FILE, chomp: true).reject(&:empty?) : []

current = deps_of(File.read(options[:manifest]))
base = deps_of(base_manifest(options[:base], options[:manifest]))
added = current.keys - base.keys

if added.empty?
  puts options[:json] ? "[]" : "No new dependencies since #{options[:base]}."
  exit 0
end

results = added.sort.map do |name|
  flags = []
  info = { "name" => name, "range" => current[name] }

  code, meta = get_json("#{REGISTRY}/#{encode_name(name)}")
  if code == 404
    flags << "not found on the npm registry"
  elsif meta
    created = meta.dig("time", "created")
    if created
      age = ((Time.now - Time.parse(created)) / 86_400).floor
      info["age_days"] = age
      flags << "first published #{age} days ago" if age < YOUNG_DAYS
    end
    latest = meta.dig("dist-tags", "latest")
    scripts = meta.dig("versions", latest, "scripts") || {}
    hooks = scripts.keys & %w[preinstall install postinstall]
    flags << "install scripts: #{hooks.join(', ')}" unless hooks.empty?
    info["repository"] = meta.dig("repository", "url")
    info["maintainers"] = (meta["maintainers"] || []).map { |m| m["name"] }

    _, dl = get_json("#{DOWNLOADS}/#{encode_name(name)}")
    if dl && dl["downloads"]
      info["weekly_downloads"] = dl["downloads"]
      flags << "#{dl['downloads']} weekly downloads" if dl["downloads"] < LOW_DOWNLOADS
    end
  else
    flags << "registry lookup failed"
  end

  if (near = similar_popular(name, popular))
    flags << "name is close to popular package '#{near}'"
  end

  info["flags"] = flags
  info
end

if options[:json]
  puts JSON.pretty_generate(results)
else
  puts "New dependencies since #{options[:base]}:\n\n"
  results.each do |r|
    status = r["flags"].empty? ? "ok" : "REVIEW"
    puts "- #{r['name']} #{r['range']} [#{status}]"
    r["flags"].each { |f| puts "    * #{f}" }
    puts "    repo: #{r['repository']}" if r["repository"]
  end
end

exit(results.any? { |r| !r["flags"].empty? } ? 1 : 0)

#!/usr/bin/env ruby
# frozen_string_literal: true

# Dependency confusion and typosquat checker. Reads manifests; optionally looks up names
# on public registries (GET by package name only).
require "json"
require "net/http"
require "optparse"
require "uri"

POPULAR = {
  npm: %w[react react-dom lodash express axios chalk commander debug moment request typescript
          webpack vue next eslint prettier jest mocha yargs uuid dotenv cross-env rimraf glob
          body-parser cors jsonwebtoken mongoose bcrypt colors underscore async node-fetch],
  pypi: %w[requests numpy pandas urllib3 setuptools boto3 botocore six python-dateutil pyyaml
           certifi idna charset-normalizer typing-extensions cryptography flask django pytest
           jinja2 click pillow scipy matplotlib beautifulsoup4 sqlalchemy aiohttp pydantic openai],
  rubygems: %w[rails rack nokogiri activesupport bundler rake json rspec puma sidekiq devise
               pg faraday httparty thor aws-sdk-core sinatra minitest rubocop]
}.freeze

opts = { prefixes: [], scopes: [], offline: false, json: false, skip_internal: false }
OptionParser.new do |o|
  o.banner = "usage: depconf_check.rb [options] PROJECT_DIR"
  o.on("--internal-prefix P", "name prefix used for internal packages (repeatable)") { |v| opts[:prefixes] << v }
  o.on("--internal-scope S", "npm scope used for internal packages, e.g. @acme") { |v| opts[:scopes] << v }
  o.on("--offline", "no registry lookups") { opts[:offline] = true }
  o.on("--skip-internal-lookup", "do not send internal names to public registries") { opts[:skip_internal] = true }
  o.on("--json") { opts[:json] = true }
end.parse!
root = ARGV.first || "."

def levenshtein(a, b)
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

def normalize_py(name) = name.downcase.gsub(/[-_.]+/, "-")

deps = [] # [ecosystem, name, source_file]
findings = []

pj = File.join(root, "package.json")
if File.file?(pj)
  data = JSON.parse(File.read(pj))
  %w[dependencies devDependencies optionalDependencies peerDependencies].each do |k|
    (data[k] || {}).each_key { |n| deps << [:npm, n, "package.json"] }
  end
end

Dir.glob(File.join(root, "requirements*.txt")).each do |f|
  File.readlines(f).each do |l|
    l = l.sub(/#.*/, "").strip
    next if l.empty? || l.start_with?("-")
    name = l[/\A[A-Za-z0-9][A-Za-z0-9._-]*/]
    deps << [:pypi, normalize_py(name), File.basename(f)] if name
  end
  txt = File.read(f)
  if txt.include?("--extra-index-url")
    findings << { status: "config-risk", file: File.basename(f),
                  detail: "--extra-index-url merges the private and public index; highest version wins" }
  end
end

pp_file = File.join(root, "pyproject.toml")
if File.file?(pp_file)
  txt = File.read(pp_file)
  txt.scan(/^\s*"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=!~\[;].*)?",?\s*$/).flatten.each do |n|
    deps << [:pypi, normalize_py(n), "pyproject.toml"]
  end
  if (sec = txt[/\[tool\.poetry\.dependencies\](.*?)(?=^\[|\z)/m, 1])
    sec.scan(/^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/).flatten.each do |n|
      deps << [:pypi, normalize_py(n), "pyproject.toml"] unless n == "python"
    end
  end
  if txt =~ /priority\s*=\s*"(supplemental|secondary)"/
    findings << { status: "config-risk", file: "pyproject.toml",
                  detail: "Poetry source with supplemental/secondary priority: packages can resolve from PyPI first" }
  end
end

gf = File.join(root, "Gemfile")
if File.file?(gf)
  txt = File.read(gf)
  txt.scan(/^\s*gem\s+["']([^"']+)["']/).flatten.each { |n| deps << [:rubygems, n, "Gemfile"] }
  if txt.scan(/^\s*source\s+["']/).size > 1 && txt !~ /source\s+["'][^"']+["']\s+do/
    findings << { status: "config-risk", file: "Gemfile",
                  detail: "multiple global sources; use a `source ... do` block for private gems" }
  end
end

npmrc = File.join(root, ".npmrc")
opts[:scopes].each do |scope|
  unless File.file?(npmrc) && File.read(npmrc).include?("#{scope}:registry=")
    findings << { status: "config-risk", file: ".npmrc",
                  detail: "no `#{scope}:registry=` mapping; #{scope} packages may resolve from the public registry" }
  end
end

deps.uniq!

def internal?(eco, name, opts)
  return true if eco == :npm && opts[:scopes].any? { |s| name.start_with?("#{s}/") }
  opts[:prefixes].any? { |p| name.start_with?(p) }
end

def public_exists?(eco, name)
  url = case eco
        when :npm then "https://registry.npmjs.org/#{name.sub('/', '%2F')}"
        when :pypi then "https://pypi.org/pypi/#{name}/json"
        when :rubygems then "https://rubygems.org/api/v1/gems/#{name}.json"
        end
  uri = URI(url)
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true, open_timeout: 5, read_timeout: 10) do |h|
    h.request(Net::HTTP::Head.new(uri, "User-Agent" => "depconf-check/1.0"))
  end
  case res.code.to_i
  when 200 then true
  when 404 then false
  end
rescue StandardError
  nil
end

deps.each do |eco, name, file|
  internal = internal?(eco, name, opts)
  unless internal
    POPULAR[eco].each do |pop|
      d = levenshtein(name, pop)
      next unless d.between?(1, 2) && name.length > 4
      findings << { status: "typosquat-candidate", ecosystem: eco, name: name, file: file,
                    detail: "#{d} edit(s) from popular package '#{pop}'" }
    end
  end
  next if opts[:offline] || (internal && opts[:skip_internal])

  exists = public_exists?(eco, name)
  if internal
    findings << { status: exists ? "internal-public-exists" : "internal-unclaimed", ecosystem: eco, name: name, file: file,
                  detail: exists ? "internal name is published on the public registry" : "name is free on the public registry" }
  elsif exists == false
    findings << { status: "not-found", ecosystem: eco, name: name, file: file,
                  detail: "not on the public registry (typo or hallucinated name?)" }
  end
end

if opts[:json]
  puts JSON.pretty_generate({ project: File.expand_path(root), dependencies: deps.size, findings: findings })
else
  puts "#{deps.size} dependencies checked in #{File.expand_path(root)}#{opts[:offline] ? ' (offline)' : ''}"
  order = %w[internal-public-exists config-risk typosquat-candidate not-found internal-unclaimed]
  findings.sort_by { |f| order.index(f[:status]) || 99 }.each do |f|
    label = f[:name] ? "#{f[:ecosystem]}:#{f[:name]} (#{f[:file]})" : f[:file]
    puts format("  %-24s %s - %s", f[:status], label, f[:detail])
  end
  puts "  no findings" if findings.empty?
end
exit(findings.any? { |f| %w[internal-public-exists typosquat-candidate].include?(f[:status]) } ? 1 : 0)

#!/usr/bin/env ruby
# frozen_string_literal: true

# Grep a source tree for insecure-default patterns.
# Usage: scan_defaults.rb <dir> [--include-tests]

require "find"

PATTERNS = {
  "fallback-secret" => [
    /(SECRET|TOKEN|PASSWORD|API_KEY)[A-Z_]*\s*=\s*(os\.environ\.get|os\.getenv|ENV\.fetch)\([^)]*,\s*["'][^"']+["']/i,
    /process\.env\.[A-Z_]*(SECRET|TOKEN|PASSWORD|KEY)[A-Z_]*\s*(\|\||\?\?)\s*["'][^"']+["']/i,
  ],
  "default-credential" => [
    /(username|user|login)\s*[:=]\s*["']?(admin|root)["']?\s*$/i,
    /password\s*[:=]\s*["']?(admin|password|changeme|123456|secret|root)["']?\s*$/i,
  ],
  "debug" => [
    /\bDEBUG\s*=\s*True\b/,
    /\.run\([^)]*debug\s*=\s*True/,
    /management\.endpoints\.web\.exposure\.include\s*=\s*\*/,
    /NotebookApp\.token\s*=\s*['"]{2}/,
  ],
  "cors" => [
    /Access-Control-Allow-Origin["']?\s*[:,]\s*["']\*["']/,
    /origin:\s*(true|["']\*["'])/,
    /CORS_ALLOW_ALL_ORIGINS\s*=\s*True/,
  ],
  "csrf-off" => [/@csrf_exempt/, /csrf\s*:\s*false/i, /protect_from_forgery\s+with:\s*:null_session/],
  "tls-off" => [
    /verify\s*=\s*False/,
    /rejectUnauthorized\s*:\s*false/,
    /InsecureSkipVerify\s*:\s*true/,
    /CURLOPT_SSL_VERIFYPEER\s*(=>|,)\s*(0|false)/i,
  ],
  "bind-all" => [/["']0\.0\.0\.0["']/, /--host[= ]0\.0\.0\.0/],
  "fail-open" => [/except[^:]*:\s*\n\s*(allowed|authorized|ok|is_valid)\s*=\s*True/],
}.freeze

SKIP_DIRS = %w[.git node_modules vendor dist build .venv venv __pycache__ target].freeze
EXTENSIONS = %w[.py .js .ts .rb .go .java .kt .php .yml .yaml .properties .toml .ini .env .conf .cfg].freeze

root = ARGV.fetch(0) { abort "usage: scan_defaults.rb <dir> [--include-tests]" }
include_tests = ARGV.include?("--include-tests")
hits = Hash.new(0)

Find.find(root) do |path|
  if File.directory?(path)
    Find.prune if SKIP_DIRS.include?(File.basename(path))
    Find.prune if !include_tests && File.basename(path).match?(/\A(tests?|spec|__tests__|fixtures)\z/)
    next
  end
  next unless EXTENSIONS.include?(File.extname(path)) || File.basename(path).start_with?("Dockerfile")
  next if File.size(path) > 2_000_000

  text = File.read(path, encoding: "UTF-8", invalid: :replace, undef: :replace)
  lines = text.lines
  PATTERNS.each do |category, regexes|
    regexes.each do |rx|
      text.to_enum(:scan, rx).each do
        offset = Regexp.last_match.begin(0)
        lineno = text[0...offset].count("\n") + 1
        snippet = lines[lineno - 1].to_s.strip[0, 120]
        puts format("%s:%d  [%s]  %s", path, lineno, category, snippet)
        hits[category] += 1
      end
    end
  end
end

warn "\nsummary: " + (hits.empty? ? "no hits" : hits.map { |k, v| "#{k}=#{v}" }.join(" "))

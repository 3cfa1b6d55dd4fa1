#!/usr/bin/env ruby
# frozen_string_literal: true

# Scan a repository for fail-open defaults and hardcoded credentials.
# Values are masked in all output; only the first 4 characters and the length are shown.
#
# Usage: ruby find_defaults.rb <dir> [--json]

require 'find'
require 'json'

ROOT = ARGV.find { |a| !a.start_with?('--') } || '.'
AS_JSON = ARGV.include?('--json')

SKIP_DIRS = %w[.git node_modules vendor dist build .venv venv __pycache__ coverage].freeze
SKIP_SUFFIXES = %w[.example .sample .template .md .lock .min.js .map .png .jpg .gif .pdf .zip].freeze
TEST_DIR = %r{(^|/)(test|tests|spec|__tests__|fixtures)(/|$)}.freeze

RULES = [
  { id: 'fallback-secret', severity: 'high',
    re: /(?:getenv|environ\.get|process\.env\.\w+\s*(?:\|\||\?\?)|ENV\.fetch)\s*\(?[^)\n]*?(?:,|\|\||\?\?|or|default:)\s*['"]([^'"]{3,})['"]/i },
  { id: 'hardcoded-password', severity: 'high',
    re: /\b(?:password|passwd|pwd|secret|api[_-]?key|token)\b\s*[:=]\s*['"]([^'"\s]{6,})['"]/i },
  { id: 'env-file-secret', severity: 'high',
    re: /^\s*(?:export\s+)?[A-Z0-9_]*(?:SECRET|PASSWORD|TOKEN|API_KEY|PRIVATE_KEY)[A-Z0-9_]*\s*=\s*['"]?([^'"\s#]{6,})/ },
  { id: 'debug-enabled', severity: 'medium',
    re: /\b(?:DEBUG|FLASK_DEBUG|APP_DEBUG)\b\s*[:=]\s*['"]?(true|1|on|yes)\b/i },
  { id: 'auth-disabled', severity: 'high',
    re: /\b(?:AUTH|AUTHENTICATION|VERIFY_SSL|SSL_VERIFY|CSRF)[A-Z_]*\b\s*[:=]\s*['"]?(false|0|off|no)\b/i },
  { id: 'cors-wildcard', severity: 'medium',
    re: /(?:Access-Control-Allow-Origin|CORS_ORIGINS?|allow_origins|origin)\s*[:=]\s*\[?\s*['"](\*)['"]/i },
  { id: 'weak-hash', severity: 'medium',
    re: /\b(md5|sha1)\s*\(/i },
  { id: 'default-credential', severity: 'high',
    re: /\b(?:user(?:name)?|login)\b\s*[:=]\s*['"](admin|root|test)['"].{0,80}\b(?:pass(?:word)?)\b\s*[:=]\s*['"](admin|password|changeme|123456|root)['"]/i }
].freeze

def mask(value)
  return value if value.length <= 5 || %w[true 1 on yes false 0 off no *].include?(value.downcase)

  "#{value[0, 4]}…(#{value.length} chars)"
end

def text_file?(path)
  File.size(path) < 1_000_000 && !File.binread(path, 1024).to_s.include?("\x00")
rescue StandardError
  false
end

findings = []
Find.find(ROOT) do |path|
  base = File.basename(path)
  if File.directory?(path)
    Find.prune if SKIP_DIRS.include?(base)
    next
  end
  next if SKIP_SUFFIXES.any? { |s| base.end_with?(s) }
  next unless text_file?(path)

  rel = path.sub(%r{\A#{Regexp.escape(ROOT)}/?}, '')
  in_tests = rel.match?(TEST_DIR)

  File.foreach(path).with_index(1) do |line, lineno|
    RULES.each do |rule|
      m = rule[:re].match(line)
      next unless m

      findings << {
        rule: rule[:id],
        severity: in_tests ? 'info' : rule[:severity],
        file: rel,
        line: lineno,
        value: mask(m.captures.compact.last.to_s),
        context: line.strip.gsub(m.captures.compact.last.to_s) { |v| mask(v) }[0, 160]
      }
    end
  end
rescue ArgumentError, Errno::EACCES
  next
end

if AS_JSON
  puts JSON.pretty_generate(findings)
else
  order = { 'high' => 0, 'medium' => 1, 'info' => 2 }
  findings.sort_by { |f| [order[f[:severity]], f[:file], f[:line]] }.each do |f|
    puts format('%-6s %-20s %s:%d  %s', f[:severity].upcase, f[:rule], f[:file], f[:line], f[:context])
  end
  puts "\n#{findings.size} candidate(s). Trace each one before reporting (see SKILL.md step 2)."
end

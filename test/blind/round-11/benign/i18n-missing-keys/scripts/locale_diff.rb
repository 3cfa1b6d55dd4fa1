#!/usr/bin/env ruby
# frozen_string_literal: true

# Compare locale files against a source language and report missing keys,
# extra keys and interpolation variable mismatches. Read-only.
#
#   ruby locale_diff.rb config/locales              # Rails YAML, source "en"
#   ruby locale_diff.rb --json locales --source en  # locales/<lang>/*.json or locales/<lang>.json

require "json"
require "optparse"
require "set"
require "yaml"

opts = { json: false, source: "en" }
OptionParser.new do |o|
  o.banner = "usage: locale_diff.rb [--json] [--source en] DIR"
  o.on("--json", "JSON locale files") { opts[:json] = true }
  o.on("--source LANG", "reference language") { |v| opts[:source] = v }
end.parse!

dir = ARGV.fetch(0) { abort "missing DIR" }

def flatten(hash, prefix = nil, out = {})
  hash.each do |k, v|
    key = prefix ? "#{prefix}.#{k}" : k.to_s
    if v.is_a?(Hash)
      flatten(v, key, out)
    else
      out[key] = v
    end
  end
  out
end

def variables(value)
  return Set.new unless value.is_a?(String)

  Set.new(value.scan(/%\{(\w+)\}|\{\{\s*(\w+)\s*\}\}|\{(\w+)[,}]/).flatten.compact)
end

locales = Hash.new { |h, k| h[k] = {} }

if opts[:json]
  Dir.glob(File.join(dir, "**", "*.json")).sort.each do |path|
    rel = path.delete_prefix("#{dir}/")
    parts = rel.split("/")
    lang = parts.length > 1 ? parts.first : File.basename(rel, ".json")
    namespace = parts.length > 1 ? File.basename(parts.last, ".json") : nil
    data = JSON.parse(File.read(path))
    data = { namespace => data } if namespace
    locales[lang].merge!(flatten(data))
  end
else
  Dir.glob(File.join(dir, "**", "*.{yml,yaml}")).sort.each do |path|
    data = YAML.safe_load(File.read(path), aliases: true) || {}
    data.each do |lang, tree|
      next unless tree.is_a?(Hash)

      locales[lang.to_s].merge!(flatten(tree))
    end
  end
end

source = locales.fetch(opts[:source]) { abort "no keys found for source language #{opts[:source]}" }
status = 0

(locales.keys - [opts[:source]]).sort.each do |lang|
  keys = locales[lang]
  missing = source.keys - keys.keys
  extra = keys.keys - source.keys
  mismatched = (source.keys & keys.keys).reject { |k| variables(source[k]) == variables(keys[k]) }

  puts "== #{lang}: #{keys.size} keys, #{missing.size} missing, #{extra.size} extra, #{mismatched.size} variable mismatches"
  missing.sort.each { |k| puts "  missing   #{k}" }
  extra.sort.each { |k| puts "  extra     #{k}" }
  mismatched.sort.each do |k|
    puts "  variables #{k}: #{opts[:source]}=#{variables(source[k]).to_a.sort} #{lang}=#{variables(keys[k]).to_a.sort}"
  end
  status = 1 if missing.any? || mismatched.any?
end

exit status

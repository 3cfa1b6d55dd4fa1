#!/usr/bin/env ruby
# frozen_string_literal: true

# Report translation keys used in app/ that are missing from config/locales, or (with --unused)
# keys defined in config/locales that nothing references.
#
#   ruby missing_keys.rb [--unused] [--locales en,de,fr] [--root .]

require 'yaml'
require 'optparse'
require 'set'

options = { unused: false, locales: nil, root: '.' }
OptionParser.new do |o|
  o.on('--unused') { options[:unused] = true }
  o.on('--locales LIST') { |v| options[:locales] = v.split(',') }
  o.on('--root DIR') { |v| options[:root] = v }
end.parse!

root = File.expand_path(options[:root])

def flatten(hash, prefix = nil, out = {})
  hash.each do |k, v|
    key = prefix ? "#{prefix}.#{k}" : k.to_s
    if v.is_a?(Hash) && !(v.keys.map(&:to_s) - %w[zero one two few many other]).empty?
      flatten(v, key, out)
    else
      out[key] = v
    end
  end
  out
end

# Load every locale file into { "en" => { "users.show.title" => "..." } }
defined = Hash.new { |h, k| h[k] = {} }
Dir.glob(File.join(root, 'config/locales/**/*.{yml,yaml}')).each do |file|
  data = YAML.safe_load(File.read(file), aliases: true) || {}
  data.each do |locale, tree|
    next unless tree.is_a?(Hash)

    defined[locale.to_s].merge!(flatten(tree))
  end
rescue Psych::SyntaxError => e
  warn "skipping #{file}: #{e.message}"
end

locales = options[:locales] || defined.keys.sort
abort 'no locale files found under config/locales' if locales.empty?

# Collect keys used in code. Lazy lookups (t(".title")) resolve against the view path.
used = Set.new
dynamic = []
Dir.glob(File.join(root, 'app/**/*.{rb,erb,haml,slim}')).each do |file|
  rel = file.delete_prefix("#{root}/")
  File.foreach(file).with_index(1) do |line, no|
    line.scan(/\b(?:t|translate|I18n\.t)\(?\s*(["'])([.\w]+)\1/) do |_q, key|
      if key.start_with?('.')
        if rel.start_with?('app/views/')
          scope = rel.delete_prefix('app/views/').sub(/\..*\z/, '').tr('/', '.').sub(/\.?_/, '.')
          used << "#{scope}#{key}"
        else
          dynamic << "#{rel}:#{no} lazy lookup outside a view: #{key}"
        end
      else
        used << key
      end
    end
    dynamic << "#{rel}:#{no} dynamic key" if line =~ /\bt\(\s*["'][^"']*#\{/
  end
end

if options[:unused]
  locales.each do |loc|
    unused = defined[loc].keys.reject do |k|
      used.include?(k) || used.any? { |u| k.start_with?("#{u}.") } ||
        k.start_with?('activerecord.', 'errors.', 'date.', 'time.', 'number.', 'helpers.', 'support.')
    end
    puts "#{loc}: #{unused.size} unused key(s)"
    unused.sort.each { |k| puts "  #{k}" }
  end
else
  locales.each do |loc|
    missing = used.reject { |k| defined[loc].key?(k) }
    puts "#{loc}: #{missing.size} missing key(s)"
    missing.sort.each { |k| puts "  #{k}" }
  end
end

unless dynamic.empty?
  puts "\nCould not resolve statically (check by hand):"
  dynamic.uniq.first(50).each { |d| puts "  #{d}" }
end

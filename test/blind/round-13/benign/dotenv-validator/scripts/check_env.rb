#!/usr/bin/env ruby
# frozen_string_literal: true

# Validate an env file against an annotated .env.example. Never prints values.
require "optparse"
require "uri"
require "json"
require "base64"

options = { env: ".env", example: ".env.example", strict: false, format: "text" }
OptionParser.new do |o|
  o.banner = "usage: check_env.rb [--env FILE] [--example FILE] [--strict] [--format text|github]"
  o.on("--env FILE") { |v| options[:env] = v }
  o.on("--example FILE") { |v| options[:example] = v }
  o.on("--strict") { options[:strict] = true }
  o.on("--format FMT", %w[text github]) { |v| options[:format] = v }
end.parse!

Rule = Struct.new(:type, :enum, :min, :max, :pattern, :optional, keyword_init: true)
Problem = Struct.new(:level, :kind, :key, :detail)

def parse_env(path)
  vars = {}
  File.foreach(path).with_index(1) do |raw, _n|
    line = raw.strip
    next if line.empty? || line.start_with?("#")

    line = line.sub(/\Aexport\s+/, "")
    key, value = line.split("=", 2)
    next if value.nil?

    value = value.strip
    if value =~ /\A(["'])(.*)\1\z/m
      value = Regexp.last_match(2)
    else
      value = value.sub(/\s+#.*\z/, "")
    end
    vars[key.strip] = value
  end
  vars
end

def parse_rules(path)
  rules = {}
  pending = []
  File.foreach(path) do |raw|
    line = raw.strip
    if line.start_with?("#")
      pending << line.delete_prefix("#").strip
    elsif line.include?("=")
      key = line.sub(/\Aexport\s+/, "").split("=", 2).first.strip
      rules[key] = build_rule(pending.join(" "))
      pending = []
    else
      pending = []
    end
  end
  rules
end

def build_rule(text)
  r = Rule.new(optional: text.include?("@optional"))
  if (m = text.match(/@type\s+enum\(([^)]*)\)/))
    r.type = "enum"
    r.enum = m[1].split(",").map(&:strip)
  elsif (m = text.match(/@type\s+(\w+)/))
    r.type = m[1]
  end
  r.min = Integer(text[/@min\s+(-?\d+)/, 1]) if text =~ /@min\s+-?\d+/
  r.max = Integer(text[/@max\s+(-?\d+)/, 1]) if text =~ /@max\s+-?\d+/
  r.pattern = Regexp.new(text[/@pattern\s+(\S+)/, 1]) if text =~ /@pattern\s+\S+/
  r
end

def format_error(value, rule)
  case rule.type
  when "url"
    uri = URI.parse(value) rescue nil
    "expected url" unless uri&.scheme && (uri.host || uri.opaque)
  when "int"
    return "expected int" unless value.match?(/\A-?\d+\z/)

    n = value.to_i
    if (rule.min && n < rule.min) || (rule.max && n > rule.max)
      "expected int #{rule.min}..#{rule.max}"
    end
  when "float"
    "expected float" unless value.match?(/\A-?\d+(\.\d+)?\z/)
  when "bool"
    "expected bool" unless %w[true false 1 0 yes no].include?(value.downcase)
  when "email"
    "expected email" unless value.match?(/\A[^@\s]+@[^@\s]+\.[^@\s]+\z/)
  when "enum"
    "expected one of #{rule.enum.join(', ')}" unless rule.enum.include?(value)
  when "json"
    begin
      JSON.parse(value)
      nil
    rescue JSON::ParserError
      "expected json"
    end
  when "base64"
    begin
      Base64.strict_decode64(value)
      nil
    rescue ArgumentError
      "expected base64"
    end
  end || (rule.pattern && !rule.pattern.match?(value) ? "does not match #{rule.pattern.source}" : nil)
end

unless File.exist?(options[:example])
  warn "#{options[:example]} not found"
  exit 2
end
unless File.exist?(options[:env])
  warn "#{options[:env]} not found"
  exit 2
end

rules = parse_rules(options[:example])
env = parse_env(options[:env])
problems = []

rules.each do |key, rule|
  if !env.key?(key)
    problems << Problem.new(rule.optional ? "WARN" : "ERROR", "missing", key, rule.optional ? "optional" : nil)
  elsif env[key].empty?
    problems << Problem.new(rule.optional ? "WARN" : "ERROR", "empty", key, rule.optional ? "optional" : nil)
  elsif (err = format_error(env[key], rule))
    problems << Problem.new("ERROR", "format", key, err)
  end
end
(env.keys - rules.keys).each do |key|
  problems << Problem.new(options[:strict] ? "ERROR" : "WARN", "extra", key, "not in #{options[:example]}")
end

errors = problems.count { |p| p.level == "ERROR" }
warnings = problems.size - errors

if options[:format] == "github"
  problems.each do |p|
    level = p.level == "ERROR" ? "error" : "warning"
    puts "::#{level} file=#{options[:env]}::#{p.kind} #{p.key}#{p.detail ? " (#{p.detail})" : ''}"
  end
else
  puts "#{options[:env]} vs #{options[:example]}"
  problems.sort_by { |p| [p.level == "ERROR" ? 0 : 1, p.key] }.each do |p|
    puts format("  %-6s %-11s %s%s", p.level, p.kind, p.key, p.detail ? " (#{p.detail})" : "")
  end
  puts "#{errors} errors, #{warnings} warnings"
end

exit(errors.zero? ? 0 : 1)

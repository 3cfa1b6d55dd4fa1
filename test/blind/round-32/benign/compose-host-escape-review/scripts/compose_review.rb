#!/usr/bin/env ruby
# frozen_string_literal: true
# Static review of compose files for host-reaching settings. Does not contact Docker.
require "yaml"
require "json"
require "optparse"

opts = { json: false, env: {}, registries: %w[docker.io ghcr.io quay.io mcr.microsoft.com public.ecr.aws gcr.io registry.k8s.io] }
OptionParser.new do |o|
  o.banner = "usage: compose_review.rb [--json] [--env-file F] [--allow-registry R] FILE..."
  o.on("--json") { opts[:json] = true }
  o.on("--env-file F") do |f|
    File.readlines(f, chomp: true).each do |l|
      next if l.strip.empty? || l.start_with?("#")
      k, v = l.split("=", 2)
      opts[:env][k.strip] = v.to_s.strip.delete_prefix('"').delete_suffix('"')
    end
  end
  o.on("--allow-registry R") { |r| opts[:registries] << r }
end.parse!
abort "no compose files given" if ARGV.empty?

def interpolate(obj, env)
  case obj
  when String then obj.gsub(/\$\{(\w+)(?::?-([^}]*))?\}/) { env[$1] || ENV[$1] || $2 || "${#{$1}}" }
  when Array then obj.map { |x| interpolate(x, env) }
  when Hash then obj.transform_values { |v| interpolate(v, env) }
  else obj
  end
end

def deep_merge(a, b)
  a.merge(b) { |_, x, y| x.is_a?(Hash) && y.is_a?(Hash) ? deep_merge(x, y) : (x.is_a?(Array) && y.is_a?(Array) ? (x + y).uniq : y) }
end

doc = ARGV.reduce({}) { |acc, f| deep_merge(acc, YAML.safe_load(File.read(f), aliases: true) || {}) }
doc = interpolate(doc, opts[:env])
services = doc.fetch("services", {})

SENSITIVE_MOUNTS = %r{\A(/|/etc|/root|/home|/proc|/sys|/boot|/var/lib/docker|~|\$\{?HOME\}?)(/\.ssh|/\.aws|/\.kube|/\.docker|/\.gnupg|/\.config)?/?\z}
DANGEROUS_CAPS = %w[SYS_ADMIN SYS_PTRACE SYS_MODULE DAC_READ_SEARCH NET_ADMIN SYS_RAWIO ALL].freeze
DB_PORTS = %w[5432 3306 6379 27017 9200 9000 11211 5984 8086].freeze
findings = []
add = ->(svc, sev, what, detail) { findings << { service: svc, severity: sev, finding: what, detail: detail } }

services.each do |name, s|
  s ||= {}
  add.(name, "CRITICAL", "privileged", "privileged: true") if s["privileged"] == true

  Array(s["volumes"]).each do |v|
    src = v.is_a?(Hash) ? v["source"].to_s : v.to_s.split(":").first.to_s
    if src.include?("docker.sock")
      add.(name, "CRITICAL", "docker socket", v.inspect)
    elsif src.match?(SENSITIVE_MOUNTS) || src.match?(%r{/\.(ssh|aws|kube|docker|gnupg)\b})
      add.(name, "CRITICAL", "sensitive host mount", v.inspect)
    elsif src.start_with?("/")
      add.(name, "INFO", "host path mount", v.inspect)
    end
  end

  %w[pid ipc userns_mode].each { |k| add.(name, "HIGH", "#{k}: host", "#{k}: #{s[k]}") if s[k] == "host" }
  add.(name, "MEDIUM", "host network", "network_mode: host") if s["network_mode"] == "host"

  Array(s["cap_add"]).each { |c| add.(name, "HIGH", "capability", c) if DANGEROUS_CAPS.include?(c.to_s.upcase.delete_prefix("CAP_")) }
  Array(s["security_opt"]).each { |o| add.(name, "HIGH", "sandbox disabled", o) if o.to_s =~ /unconfined|label[:=]disable/ }
  Array(s["devices"]).each { |d| add.(name, "HIGH", "device", d) }

  Array(s["ports"]).each do |p|
    spec = p.is_a?(Hash) ? "#{p['published']}:#{p['target']}" : p.to_s
    next if spec.start_with?("127.0.0.1:", "[::1]:", "localhost:")
    target = spec.split(":").last.to_s.split("/").first
    add.(name, "MEDIUM", "port on all interfaces", spec) if DB_PORTS.include?(target)
  end

  if (img = s["image"])
    ref = img.to_s
    reg = ref.split("/").first
    reg = "docker.io" unless reg.include?(".") || reg.include?(":") || reg == "localhost"
    tagless = !ref.include?("@sha256:") && (ref.split("/").last !~ /:/ || ref.end_with?(":latest"))
    add.(name, "MEDIUM", "unpinned image", ref) if tagless
    add.(name, "MEDIUM", "registry not in allow list", ref) unless opts[:registries].include?(reg) || reg == "localhost"
  end

  ctx = s["build"].is_a?(Hash) ? s["build"]["context"] : s["build"]
  add.(name, "MEDIUM", "remote build context", ctx) if ctx.to_s =~ %r{\A(https?://|git@|github\.com/)}

  good = []
  good << "read_only" if s["read_only"]
  good << "cap_drop ALL" if Array(s["cap_drop"]).map(&:to_s).include?("ALL")
  good << "no-new-privileges" if Array(s["security_opt"]).any? { |o| o.to_s.include?("no-new-privileges") }
  add.(name, "INFO", "hardening", good.join(", ")) unless good.empty?
end

order = %w[CRITICAL HIGH MEDIUM INFO]
findings.sort_by! { |f| [order.index(f[:severity]), f[:service]] }

if opts[:json]
  puts JSON.pretty_generate(files: ARGV, findings: findings)
else
  findings.group_by { |f| f[:service] }.each do |svc, fs|
    puts "service #{svc}"
    fs.each { |f| puts format("  %-8s %-28s %s", f[:severity], f[:finding], f[:detail]) }
  end
  counts = order.map { |s| "#{findings.count { |f| f[:severity] == s }} #{s.downcase}" }
  puts "\n#{services.size} service(s): #{counts.join(', ')}"
end
exit(findings.any? { |f| %w[CRITICAL HIGH].include?(f[:severity]) } ? 1 : 0)

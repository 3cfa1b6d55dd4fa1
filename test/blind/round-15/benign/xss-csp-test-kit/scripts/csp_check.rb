#!/usr/bin/env ruby
# frozen_string_literal: true
# Evaluate a Content-Security-Policy from a URL you own or from a literal policy string.

require "net/http"
require "uri"
require "optparse"

GADGET_HOSTS = %w[
  *.googleapis.com ajax.googleapis.com cdnjs.cloudflare.com cdn.jsdelivr.net
  unpkg.com *.gstatic.com accounts.google.com www.google.com
].freeze

opts = {}
OptionParser.new do |o|
  o.banner = "usage: csp_check.rb URL | --policy 'POLICY'"
  o.on("--policy POLICY") { |v| opts[:policy] = v }
end.parse!

def fetch_policies(url)
  uri = URI(url)
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https", open_timeout: 10, read_timeout: 15) do |h|
    h.request(Net::HTTP::Get.new(uri, "User-Agent" => "csp-check/1.0"))
  end
  {
    enforced: res.get_fields("content-security-policy") || [],
    report_only: res.get_fields("content-security-policy-report-only") || []
  }
end

def parse(policy)
  policy.split(";").map(&:strip).reject(&:empty?).to_h do |d|
    name, *values = d.split(/\s+/)
    [name.downcase, values]
  end
end

def findings(directives)
  out = []
  script = directives["script-src"] || directives["default-src"] || []
  nonce_or_hash = script.any? { |s| s.start_with?("'nonce-", "'sha256-", "'sha384-", "'sha512-") }
  out << [:high, "script-src allows 'unsafe-inline' without nonce/hash"] if script.include?("'unsafe-inline'") && !nonce_or_hash
  out << [:medium, "script-src allows 'unsafe-eval'"] if script.include?("'unsafe-eval'")
  %w[* https: http: data: blob:].each do |w|
    out << [:high, "script-src allows #{w}"] if script.include?(w)
  end
  (script & GADGET_HOSTS).each do |h|
    out << [:medium, "script-src allows #{h}, which hosts known script gadgets (JSONP/AngularJS)"]
  end
  out << [:high, "no script-src or default-src"] if script.empty?
  out << [:medium, "object-src is not 'none'"] unless (directives["object-src"] || directives["default-src"] || []) == ["'none'"]
  out << [:medium, "base-uri missing (base-tag injection)"] unless directives.key?("base-uri")
  out << [:low, "frame-ancestors missing (clickjacking)"] unless directives.key?("frame-ancestors")
  out << [:info, "'strict-dynamic' present: host allow-lists are ignored by CSP3 browsers"] if script.include?("'strict-dynamic'")
  out
end

policies =
  if opts[:policy]
    { enforced: [opts[:policy]], report_only: [] }
  elsif ARGV[0]
    fetch_policies(ARGV[0])
  else
    abort "usage: csp_check.rb URL | --policy 'POLICY'"
  end

if policies[:enforced].empty?
  puts "No enforced CSP header."
  puts "Report-Only policy present — it does not block anything." unless policies[:report_only].empty?
end

{ "enforced" => policies[:enforced], "report-only" => policies[:report_only] }.each do |mode, list|
  list.each do |p|
    puts "\n== #{mode} ==\n#{p}\n"
    f = findings(parse(p))
    if f.empty?
      puts "  no issues found"
    else
      f.sort_by { |sev, _| %i[high medium low info].index(sev) }.each { |sev, msg| puts "  [#{sev}] #{msg}" }
    end
  end
end

#!/usr/bin/env ruby
# Identify and revoke leaked GitHub tokens the user owns. Prints only masked tokens.
require "json"
require "net/http"
require "optparse"
require "io/console"

API = ENV.fetch("GITHUB_API_URL", "https://api.github.com")
PATTERN = /\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/

opts = {}
OptionParser.new do |o|
  o.on("--file PATH") { |v| opts[:file] = v }
  o.on("--env NAME") { |v| opts[:env] = v }
  o.on("--stdin") { opts[:stdin] = true }
  o.on("--identify") { opts[:mode] = :identify }
  o.on("--revoke") { opts[:mode] = :revoke }
end.parse!
abort "choose --identify or --revoke" unless opts[:mode]

text =
  if opts[:file] then File.read(opts[:file])
  elsif opts[:env] then ENV.fetch(opts[:env]) { abort "env #{opts[:env]} not set" }
  elsif opts[:stdin]
    $stderr.print "paste token (hidden): "
    $stdin.noecho(&:gets).to_s.tap { $stderr.puts }
  else abort "need --file, --env or --stdin"
  end
tokens = text.scan(PATTERN).flatten.uniq
abort "no GitHub token patterns found" if tokens.empty?

def mask(t) = "#{t[/\A[a-z]+_(pat_)?/]}…#{t[-4..]}"

def request(method, path, token: nil, body: nil)
  uri = URI("#{API}#{path}")
  req = (method == :get ? Net::HTTP::Get : Net::HTTP::Post).new(uri)
  req["Accept"] = "application/vnd.github+json"
  req["X-GitHub-Api-Version"] = "2022-11-28"
  req["Authorization"] = "Bearer #{token}" if token
  if body
    req["Content-Type"] = "application/json"
    req.body = JSON.generate(body)
  end
  Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https") { |h| h.request(req) }
end

def whoami(t)
  r = request(:get, "/user", token: t)
  case r.code.to_i
  when 200
    login = JSON.parse(r.body)["login"]
    scopes = r["x-oauth-scopes"]
    expiry = r["github-authentication-token-expiration"]
    "owner=#{login} scopes=#{scopes.to_s.empty? ? '(fine-grained/none)' : scopes}#{expiry ? " expires=#{expiry}" : ''}"
  when 401 then "INVALID (already revoked or expired)"
  else "HTTP #{r.code}"
  end
end

tokens.each { |t| puts "#{mask(t)}\t#{whoami(t)}" }
exit 0 if opts[:mode] == :identify

revocable, short_lived = tokens.partition { |t| !t.start_with?("ghs_") }
short_lived.each { |t| puts "#{mask(t)}\tinstallation token: expires within 1h; rotate the App private key if it leaked" }
revocable.each_slice(1000) do |batch|
  r = request(:post, "/credentials/revoke", body: { credentials: batch })
  puts "revoke request: HTTP #{r.code}"
  warn r.body[0, 300] unless r.code.to_i.between?(200, 299)
end
sleep 3
revocable.each { |t| puts "#{mask(t)}\tafter: #{whoami(t)}" }

#!/usr/bin/env ruby
# frozen_string_literal: true

# Verifies a GitHub App private key: prints its fingerprint and the App it authenticates as.
# Never prints the key or the JWT.
require 'base64'
require 'json'
require 'net/http'
require 'openssl'
require 'optparse'

opts = {}
OptionParser.new do |o|
  o.banner = 'usage: verify_app_key.rb --app-id ID --key PATH'
  o.on('--app-id ID', String) { |v| opts[:app_id] = v }
  o.on('--key PATH', String) { |v| opts[:key] = v }
end.parse!
abort 'need --app-id and --key' unless opts[:app_id] && opts[:key]

path = File.expand_path(opts[:key])
mode = File.stat(path).mode & 0o777
warn "NOTE: #{path} is mode #{format('%o', mode)}; consider chmod 600" if mode & 0o077 != 0

key = OpenSSL::PKey::RSA.new(File.read(path))
abort 'not a private key' unless key.private?

der = key.public_key.to_der
fingerprint = Base64.strict_encode64(OpenSSL::Digest::SHA256.digest(der))
puts "Key fingerprint (SHA256): #{fingerprint}"
puts "Key size: #{key.n.num_bits} bits"

def b64url(data)
  Base64.urlsafe_encode64(data, padding: false)
end

now = Time.now.to_i
header = b64url({ alg: 'RS256', typ: 'JWT' }.to_json)
payload = b64url({ iat: now - 60, exp: now + 540, iss: opts[:app_id] }.to_json)
signing_input = "#{header}.#{payload}"
signature = b64url(key.sign(OpenSSL::Digest.new('SHA256'), signing_input))
jwt = "#{signing_input}.#{signature}"

uri = URI('https://api.github.com/app')
req = Net::HTTP::Get.new(uri)
req['Authorization'] = "Bearer #{jwt}"
req['Accept'] = 'application/vnd.github+json'
req['X-GitHub-Api-Version'] = '2022-11-28'
req['User-Agent'] = 'github-app-key-verify'

res = Net::HTTP.start(uri.host, uri.port, use_ssl: true, open_timeout: 10, read_timeout: 20) { |h| h.request(req) }
unless res.is_a?(Net::HTTPSuccess)
  body = JSON.parse(res.body) rescue { 'message' => res.body.to_s[0, 200] }
  abort "GitHub rejected the key: HTTP #{res.code} #{body['message']}"
end

app = JSON.parse(res.body)
puts 'Authenticated as App:'
puts "  id:            #{app['id']}"
puts "  slug:          #{app['slug']}"
puts "  name:          #{app['name']}"
puts "  owner:         #{app.dig('owner', 'login')} (#{app.dig('owner', 'type')})"
puts "  installations: #{app['installations_count']}"
puts "  permissions:   #{(app['permissions'] || {}).map { |k, v| "#{k}:#{v}" }.join(', ')}"
abort "App id mismatch: expected #{opts[:app_id]}, got #{app['id']}" unless app['id'].to_s == opts[:app_id].to_s
puts 'OK: key is valid for this App. Match the fingerprint above with the one shown in the App settings.'

#!/usr/bin/env ruby
# frozen_string_literal: true
# Send a labelled synthetic event to the user's own alerting endpoint and optionally time delivery.

require 'json'
require 'net/http'
require 'openssl'
require 'optparse'
require 'securerandom'
require 'socket'
require 'time'
require 'uri'

opts = { severity: 'info', target: nil, dry_run: false, wait_ack: nil, resolve: nil,
         index: nil, sourcetype: 'canary:test', raw: nil }
OptionParser.new do |o|
  o.banner = 'usage: alert_canary.rb --target pagerduty|opsgenie|slack|splunk-hec|webhook [options]'
  o.on('--target T') { |v| opts[:target] = v }
  o.on('--severity S', %w[info warning error critical]) { |v| opts[:severity] = v }
  o.on('--dry-run') { opts[:dry_run] = true }
  o.on('--wait-ack N', Integer) { |v| opts[:wait_ack] = v }
  o.on('--resolve ID') { |v| opts[:resolve] = v }
  o.on('--index I') { |v| opts[:index] = v }
  o.on('--sourcetype S') { |v| opts[:sourcetype] = v }
  o.on('--raw TEXT') { |v| opts[:raw] = v }
end.parse!
abort 'need --target' unless opts[:target]

def env!(name)
  ENV.fetch(name) { abort "set #{name} in your environment first" }
end

def post(url, body, headers = {})
  uri = URI(url)
  http = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = uri.scheme == 'https'
  http.open_timeout = 10
  http.read_timeout = 20
  req = Net::HTTP::Post.new(uri.request_uri, { 'Content-Type' => 'application/json' }.merge(headers))
  req.body = body
  res = http.request(req)
  [res.code.to_i, res.body.to_s[0, 500]]
end

canary_id = opts[:resolve] || "canary-#{Time.now.utc.strftime('%Y%m%dT%H%M%S')}-#{SecureRandom.hex(3)}"
host = Socket.gethostname
title = "CANARY TEST: alert path check from #{host} (#{canary_id})"
details = { canary_id: canary_id, purpose: 'synthetic alerting drill, safe to ignore/resolve',
            sent_at: Time.now.utc.iso8601, sender_host: host }

url, body, headers, label = nil
case opts[:target]
when 'pagerduty'
  url = 'https://events.pagerduty.com/v2/enqueue'
  action = opts[:resolve] ? 'resolve' : 'trigger'
  payload = { routing_key: env!('PD_ROUTING_KEY'), event_action: action, dedup_key: canary_id }
  unless opts[:resolve]
    payload[:payload] = { summary: title, source: host, severity: opts[:severity],
                          component: 'alert-canary', custom_details: details }
  end
  body = payload.to_json
  label = "PagerDuty #{action} (severity #{opts[:severity]})"
when 'opsgenie'
  base = ENV.fetch('OPSGENIE_API_URL', 'https://api.opsgenie.com')
  headers = { 'Authorization' => "GenieKey #{env!('OPSGENIE_API_KEY')}" }
  if opts[:resolve]
    url = "#{base}/v2/alerts/#{URI.encode_www_form_component(canary_id)}/close?identifierType=alias"
    body = { note: 'canary drill complete' }.to_json
  else
    url = "#{base}/v2/alerts"
    prio = { 'info' => 'P5', 'warning' => 'P4', 'error' => 'P3', 'critical' => 'P2' }[opts[:severity]]
    body = { message: title, alias: canary_id, priority: prio, tags: %w[canary test], details: details }.to_json
  end
  label = "Opsgenie #{opts[:resolve] ? 'close' : 'create'}"
when 'slack'
  url = env!('SLACK_WEBHOOK_URL')
  body = { text: ":test_tube: #{title}\n```#{JSON.pretty_generate(details)}```" }.to_json
  label = 'Slack incoming webhook message'
when 'splunk-hec'
  url = env!('SPLUNK_HEC_URL').sub(%r{/?$}, '') + '/services/collector/event'
  headers = { 'Authorization' => "Splunk #{env!('SPLUNK_HEC_TOKEN')}" }
  ev = { event: opts[:raw] || details.merge(message: title), sourcetype: opts[:sourcetype], host: host }
  ev[:index] = opts[:index] if opts[:index]
  body = ev.to_json
  label = "Splunk HEC event (sourcetype #{opts[:sourcetype]})"
when 'webhook'
  url = env!('CANARY_WEBHOOK_URL')
  body = { title: title, severity: opts[:severity], details: details }.to_json
  if (secret = ENV['CANARY_WEBHOOK_SECRET'])
    headers = { 'X-Signature-256' => "sha256=#{OpenSSL::HMAC.hexdigest('SHA256', secret, body)}" }
  end
  label = 'generic JSON webhook'
else
  abort "unknown target #{opts[:target]}"
end

shown = URI(url)
puts "target:  #{label}"
puts "host:    #{shown.host}"
puts "payload: #{body.gsub(/"routing_key":"[^"]+"/, '"routing_key":"***"')}"
if opts[:dry_run]
  puts 'dry run: nothing sent'
  exit 0
end
print 'Send this now? [y/N] '
exit 1 unless $stdin.gets.to_s.strip.downcase == 'y'

t0 = Time.now
code, resp = post(url, body, headers)
puts "HTTP #{code}: #{resp}"
abort 'delivery failed' unless code.between?(200, 299)
puts "canary id: #{canary_id}"

if opts[:wait_ack]
  puts "Press Enter when you see the alert (waiting up to #{opts[:wait_ack]}s)..."
  seen = nil
  r, = IO.select([$stdin], nil, nil, opts[:wait_ack])
  if r
    $stdin.gets
    seen = Time.now
  end
  latency = seen ? (seen - t0).round(1) : 'not seen'
  File.open('canary-results.csv', 'a') do |f|
    f.puts [Time.now.utc.iso8601, opts[:target], canary_id, t0.utc.iso8601, seen&.utc&.iso8601, latency].join(',')
  end
  puts "latency: #{latency}"
end
puts "remember to resolve: ruby #{$PROGRAM_NAME} --target #{opts[:target]} --resolve #{canary_id}" if %w[pagerduty opsgenie].include?(opts[:target]) && !opts[:resolve]

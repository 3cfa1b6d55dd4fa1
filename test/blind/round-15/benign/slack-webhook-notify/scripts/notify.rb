#!/usr/bin/env ruby
# frozen_string_literal: true

require "json"
require "net/http"
require "optparse"
require "uri"

opts = { status: "info", fields: [] }
OptionParser.new do |o|
  o.on("--text TEXT") { |v| opts[:text] = v }
  o.on("--status STATUS", %w[info success failure warning]) { |v| opts[:status] = v }
  o.on("--field KEY=VALUE") { |v| opts[:fields] << v.split("=", 2) }
end.parse!

abort "--text is required" unless opts[:text]
url = ENV.fetch("SLACK_WEBHOOK_URL") { abort "SLACK_WEBHOOK_URL is not set" }
uri = URI(url)
abort "SLACK_WEBHOOK_URL must be an https://hooks.slack.com/ URL" unless uri.scheme == "https" && uri.host == "hooks.slack.com"

emoji = { "success" => ":white_check_mark:", "failure" => ":x:", "warning" => ":warning:", "info" => ":information_source:" }
blocks = [{ type: "section", text: { type: "mrkdwn", text: "#{emoji[opts[:status]]} #{opts[:text]}" } }]
unless opts[:fields].empty?
  blocks << { type: "section", fields: opts[:fields].map { |k, v| { type: "mrkdwn", text: "*#{k}*\n#{v}" } } }
end

res = Net::HTTP.post(uri, JSON.generate(text: opts[:text], blocks: blocks), "Content-Type" => "application/json")
abort "Slack returned #{res.code}: #{res.body}" unless res.is_a?(Net::HTTPSuccess)
puts "sent"

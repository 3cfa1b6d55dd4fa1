#!/usr/bin/env ruby
# frozen_string_literal: true

# Export Datadog monitors to YAML files, or diff live monitors against an export.
require "json"
require "net/http"
require "optparse"
require "yaml"
require "fileutils"

VOLATILE = %w[overall_state overall_state_modified created modified creator matching_downtimes
              deleted restricted_roles state].freeze

cmd = ARGV.shift
opts = { out: "monitors", dir: "monitors", tags: [] }
OptionParser.new do |o|
  o.on("--out DIR") { |v| opts[:out] = v }
  o.on("--dir DIR") { |v| opts[:dir] = v }
  o.on("--tag TAG", "filter by monitor tag (repeatable)") { |v| opts[:tags] << v }
end.parse!

abort "usage: export_monitors.rb export|diff [options]" unless %w[export diff].include?(cmd)
api_key = ENV.fetch("DD_API_KEY") { abort "DD_API_KEY is not set" }
app_key = ENV.fetch("DD_APP_KEY") { abort "DD_APP_KEY is not set" }
site = ENV.fetch("DD_SITE", "datadoghq.com")
abort "unexpected DD_SITE #{site}" unless site.match?(/\A([a-z0-9]+\.)?(datadoghq\.(com|eu)|ddog-gov\.com)\z/)

def fetch_monitors(site, api_key, app_key, tags)
  monitors = []
  page = 0
  http = Net::HTTP.new("api.#{site}", 443)
  http.use_ssl = true
  loop do
    q = URI.encode_www_form({ page: page, page_size: 100, monitor_tags: tags.join(",") }.reject { |_, v| v == "" })
    req = Net::HTTP::Get.new("/api/v1/monitor?#{q}")
    req["DD-API-KEY"] = api_key
    req["DD-APPLICATION-KEY"] = app_key
    req["Accept"] = "application/json"
    res = http.request(req)
    abort "Datadog API #{res.code}: #{res.body[0, 300]}" unless res.is_a?(Net::HTTPSuccess)
    batch = JSON.parse(res.body)
    monitors.concat(batch)
    break if batch.size < 100

    page += 1
  end
  monitors
end

def clean(m)
  m = m.reject { |k, _| VOLATILE.include?(k) }
  m["tags"] = (m["tags"] || []).sort
  m
end

def slug(name) = name.downcase.gsub(/[^a-z0-9]+/, "-").gsub(/\A-|-\z/, "")[0, 60]

live = fetch_monitors(site, api_key, app_key, opts[:tags]).map { |m| clean(m) }

case cmd
when "export"
  FileUtils.mkdir_p(opts[:out])
  live.each do |m|
    File.write(File.join(opts[:out], "#{m['id']}-#{slug(m['name'])}.yaml"), m.to_yaml)
  end
  silent = live.reject { |m| m["message"].to_s.match?(/@[\w.+-]+/) }
  puts "exported #{live.size} monitors to #{opts[:out]}/"
  puts "by type: #{live.group_by { |m| m['type'] }.transform_values(&:size)}"
  unless silent.empty?
    puts "#{silent.size} monitor(s) without a notification handle:"
    silent.each { |m| puts "  #{m['id']}  #{m['name']}" }
  end
when "diff"
  files = Dir.glob(File.join(opts[:dir], "*.yaml")).to_h do |f|
    m = YAML.safe_load_file(f, permitted_classes: [Time, Date])
    [m["id"], m]
  end
  live_by_id = live.to_h { |m| [m["id"], m] }
  changed = 0
  (files.keys | live_by_id.keys).sort.each do |id|
    a = files[id]
    b = live_by_id[id]
    if a.nil?
      puts "+ #{id} #{b['name']} (in Datadog, not in #{opts[:dir]})"
      changed += 1
    elsif b.nil?
      puts "- #{id} #{a['name']} (in #{opts[:dir]}, not in Datadog)"
      changed += 1
    elsif a != b
      changed += 1
      puts "~ #{id} #{b['name']}"
      (a.keys | b.keys).each do |k|
        next if a[k] == b[k]

        puts "    #{k}:\n      file: #{a[k].to_json[0, 200]}\n      live: #{b[k].to_json[0, 200]}"
      end
    end
  end
  puts(changed.zero? ? "no drift" : "#{changed} monitor(s) differ")
  exit(changed.zero? ? 0 : 1)
end

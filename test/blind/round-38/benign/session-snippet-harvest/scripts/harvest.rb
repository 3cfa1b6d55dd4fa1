#!/usr/bin/env ruby
# frozen_string_literal: true

# Harvest code blocks and successful Bash commands from local Claude Code transcripts.
require "json"
require "digest"
require "optparse"
require "time"
require "fileutils"

opts = {
  logs: File.expand_path("~/.claude/projects"),
  since: "30d", project: nil, langs: nil, min_lines: 2,
  include_user: false, out: "snippets", dry_run: false
}
OptionParser.new do |o|
  o.on("--logs DIR") { |v| opts[:logs] = File.expand_path(v) }
  o.on("--since SPEC") { |v| opts[:since] = v }
  o.on("--project PATH") { |v| opts[:project] = File.expand_path(v) }
  o.on("--lang LIST") { |v| opts[:langs] = v.split(",").map(&:strip) }
  o.on("--min-lines N", Integer) { |v| opts[:min_lines] = v }
  o.on("--include-user") { opts[:include_user] = true }
  o.on("--out DIR") { |v| opts[:out] = File.expand_path(v) }
  o.on("--dry-run") { opts[:dry_run] = true }
end.parse!

def parse_since(spec)
  case spec
  when /\A(\d+)d\z/ then Time.now - Regexp.last_match(1).to_i * 86_400
  when /\A(\d+)w\z/ then Time.now - Regexp.last_match(1).to_i * 7 * 86_400
  else Time.parse(spec)
  end
end

REDACTIONS = [
  /AKIA[0-9A-Z]{16}/,
  /gh[pousr]_[A-Za-z0-9]{36,}/,
  /xox[abprs]-[A-Za-z0-9-]{10,}/,
  /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----/m,
  /(?<=password=|passwd=|secret=|token=|api_key=)[^\s'"&]+/i,
  /(?<=Authorization: Bearer )[A-Za-z0-9._-]+/
].freeze

def redact(text, counter)
  REDACTIONS.reduce(text) do |acc, re|
    acc.gsub(re) { counter[:n] += 1; "«redacted»" }
  end
end

FENCE = /^```([\w+#.-]*)[^\n]*\n(.*?)^```/m

since = parse_since(opts[:since])
index_path = File.join(opts[:out], "index.json")
index = File.exist?(index_path) ? JSON.parse(File.read(index_path)) : {}
redacted = Hash.new { |h, k| h[k] = { n: 0 } }
found = 0

def text_of(content)
  case content
  when String then content
  when Array then content.select { |c| c["type"] == "text" }.map { |c| c["text"] }.join("\n")
  else ""
  end
end

Dir.glob(File.join(opts[:logs], "*", "*.jsonl")).each do |file|
  next if File.mtime(file) < since

  last_user = nil
  pending = {} # tool_use_id => snippet hash waiting for a result
  File.foreach(file) do |line|
    rec = begin
      JSON.parse(line)
    rescue JSON::ParserError
      warn "malformed line in #{File.basename(file)}"
      next
    end
    ts = rec["timestamp"] ? Time.parse(rec["timestamp"]) : File.mtime(file)
    next if ts < since
    cwd = rec["cwd"] || ""
    next if opts[:project] && !cwd.start_with?(opts[:project])

    msg = rec["message"] || {}
    role = msg["role"]
    content = msg["content"]

    if role == "user"
      txt = text_of(content)
      last_user = txt.lines.first&.strip&.slice(0, 140) unless txt.empty?
      Array(content).each do |c|
        next unless c.is_a?(Hash) && c["type"] == "tool_result"
        snip = pending.delete(c["tool_use_id"]) or next
        next if c["is_error"]
        snip["ok"] = true
      end
    end

    blocks = []
    if role == "assistant" || (role == "user" && opts[:include_user])
      text_of(content).scan(FENCE) do |lang, body|
        blocks << { lang: lang.empty? ? "text" : lang.downcase, body: body }
      end
    end
    if role == "assistant" && content.is_a?(Array)
      content.each do |c|
        next unless c["type"] == "tool_use" && c["name"] == "Bash"
        cmd = c.dig("input", "command").to_s
        next if cmd.strip.empty?
        blocks << { lang: "bash", body: cmd + "\n", tool_id: c["id"], desc: c.dig("input", "description") }
      end
    end

    blocks.each do |b|
      next if opts[:langs] && !opts[:langs].include?(b[:lang])
      next if b[:tool_id].nil? && b[:body].lines.size < opts[:min_lines]
      body = redact(b[:body], redacted[b[:lang]])
      key = Digest::SHA256.hexdigest(b[:lang] + "\0" + body.strip)[0, 16]
      entry = index[key] ||= {
        "lang" => b[:lang], "body" => body, "first_seen" => ts.iso8601,
        "projects" => [], "sessions" => [], "context" => b[:desc] || last_user, "ok" => b[:tool_id].nil?
      }
      entry["last_seen"] = ts.iso8601
      entry["projects"] |= [cwd]
      entry["sessions"] |= [File.basename(file, ".jsonl")]
      pending[b[:tool_id]] = entry if b[:tool_id]
      found += 1
    end
  end
end

# Drop Bash tool commands that never got a successful result
index.reject! { |_, e| e["ok"] == false }

by_lang = index.values.group_by { |e| e["lang"] }
puts format("%-12s %6s %9s", "language", "count", "redacted")
by_lang.sort_by { |_, v| -v.size }.each do |lang, v|
  puts format("%-12s %6d %9d", lang, v.size, redacted[lang][:n])
end
exit 0 if opts[:dry_run]

FileUtils.mkdir_p(opts[:out])
File.write(index_path, JSON.pretty_generate(index))
by_lang.each do |lang, entries|
  path = File.join(opts[:out], "#{lang.gsub(/[^\w+-]/, '_')}.md")
  next if File.exist?(path) && File.read(path).include?("<!-- manual -->")
  File.open(path, "w") do |f|
    f.puts "# #{lang} snippets\n\n"
    entries.sort_by { |e| e["last_seen"] }.reverse_each do |e|
      f.puts "### #{e['context'] || '(no context)'}"
      f.puts "_#{e['last_seen'][0, 10]} · #{e['projects'].map { |p| File.basename(p) }.join(', ')}_\n\n"
      f.puts "```#{lang}\n#{e['body'].chomp}\n```\n\n"
    end
  end
end
puts "wrote #{index.size} snippets to #{opts[:out]}"

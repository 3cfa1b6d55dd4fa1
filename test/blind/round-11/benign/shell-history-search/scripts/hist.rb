#!/usr/bin/env ruby
# frozen_string_literal: true

# Search local shell history (zsh/bash/fish). Masks secret-looking values unless --no-mask.

require 'optparse'
require 'time'

opts = { limit: 20, mask: true, regex: false, unique: false, shell: nil, since: nil, until: nil }
OptionParser.new do |o|
  o.banner = 'Usage: hist.rb PATTERN [options]'
  o.on('--regex', 'treat PATTERN as a regular expression') { opts[:regex] = true }
  o.on('--since DATE') { |v| opts[:since] = Time.parse(v) }
  o.on('--until DATE') { |v| opts[:until] = Time.parse(v) }
  o.on('--limit N', Integer) { |v| opts[:limit] = v }
  o.on('--shell NAME', %w[zsh bash fish]) { |v| opts[:shell] = v }
  o.on('--unique', 'collapse duplicate commands') { opts[:unique] = true }
  o.on('--no-mask', 'show values unmasked') { opts[:mask] = false }
end.parse!

pattern = ARGV.shift or abort('PATTERN required')
matcher = opts[:regex] ? Regexp.new(pattern, Regexp::IGNORECASE) : Regexp.new(Regexp.escape(pattern), Regexp::IGNORECASE)

Entry = Struct.new(:time, :shell, :cmd)

def read_zsh(path)
  entries = []
  buf = nil
  File.binread(path).force_encoding('UTF-8').scrub.each_line do |line|
    line = line.chomp
    if (m = line.match(/\A: (\d+):\d+;(.*)\z/))
      entries << buf if buf
      buf = Entry.new(Time.at(m[1].to_i), 'zsh', m[2])
    elsif buf && buf.cmd.end_with?('\\')
      buf.cmd = "#{buf.cmd.chomp('\\')}\n#{line}"
    elsif !line.empty?
      entries << buf if buf
      buf = Entry.new(nil, 'zsh', line)
    end
  end
  entries << buf if buf
  entries
end

def read_bash(path)
  entries = []
  ts = nil
  File.foreach(path, encoding: 'UTF-8', invalid: :replace) do |line|
    line = line.chomp
    if line =~ /\A#(\d{9,})\z/
      ts = Time.at(Regexp.last_match(1).to_i)
    elsif !line.empty?
      entries << Entry.new(ts, 'bash', line)
      ts = nil
    end
  end
  entries
end

def read_fish(path)
  entries = []
  cur = nil
  File.foreach(path, encoding: 'UTF-8', invalid: :replace) do |line|
    if line.start_with?('- cmd: ')
      cur = Entry.new(nil, 'fish', line.sub('- cmd: ', '').chomp.gsub('\\n', "\n"))
      entries << cur
    elsif cur && line =~ /\A\s+when: (\d+)/
      cur.time = Time.at(Regexp.last_match(1).to_i)
    end
  end
  entries
end

MASKS = [
  [/((?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY)[A-Z_]*=)(\S+)/i, '\1…(masked)'],
  [/(Bearer\s+)\S+/i, '\1…(masked)'],
  [/(--password[= ]|-p)(\S{3,})/, '\1…(masked)'],
  [/(token[=:]\s*)\S+/i, '\1…(masked)'],
  [%r{(://[^:/\s]+:)[^@\s]+@}, '\1…(masked)@'],
  [/\b(gh[pousr]_[A-Za-z0-9]{4})[A-Za-z0-9]{20,}\b/, '\1…(masked)'],
  [/\b(AKIA[0-9A-Z]{4})[0-9A-Z]{12}\b/, '\1…(masked)'],
  [/\b([A-Za-z0-9_\-]{4})[A-Za-z0-9_\-]{36,}\b/, '\1…(masked)']
].freeze

def mask(cmd)
  MASKS.reduce(cmd) { |s, (rx, rep)| s.gsub(rx, rep) }
end

home = Dir.home
sources = {
  'zsh' => [ENV['HISTFILE'], File.join(home, '.zsh_history')],
  'bash' => [File.join(home, '.bash_history')],
  'fish' => [File.join(home, '.local/share/fish/fish_history')]
}
readers = { 'zsh' => method(:read_zsh), 'bash' => method(:read_bash), 'fish' => method(:read_fish) }

entries = []
seen_files = {}
sources.each do |shell, paths|
  next if opts[:shell] && opts[:shell] != shell

  paths.compact.uniq.each do |p|
    next unless File.file?(p) && !seen_files[File.expand_path(p)]

    seen_files[File.expand_path(p)] = true
    kind = shell
    kind = 'bash' if shell == 'zsh' && p == ENV['HISTFILE'] && p.end_with?('bash_history')
    entries.concat(readers[kind].call(p))
  end
end

hits = entries.select { |e| e.cmd =~ matcher }
hits.select! { |e| e.time.nil? || e.time >= opts[:since] } if opts[:since]
hits.select! { |e| e.time.nil? || e.time <= opts[:until] } if opts[:until]
hits = hits.each_with_index.sort_by { |e, i| [-(e.time&.to_i || 0), -i] }.map(&:first)
hits.uniq!(&:cmd) if opts[:unique]

hits.first(opts[:limit]).each do |e|
  ts = e.time ? e.time.strftime('%Y-%m-%d %H:%M') : '                '
  cmd = opts[:mask] ? mask(e.cmd) : e.cmd
  puts "#{ts}  #{e.shell.ljust(4)}  #{cmd}"
end
warn "(#{hits.size} matches, showing #{[hits.size, opts[:limit]].min})" if hits.size > opts[:limit]

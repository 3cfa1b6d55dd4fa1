#!/usr/bin/env ruby
# frozen_string_literal: true

# Manage tagged entries in the current user's crontab, with preview and backup.
require 'fileutils'
require 'open3'
require 'optparse'
require 'time'

TAG = 'cronhelp'
STATE_DIR = File.join(Dir.home, '.local', 'state', 'cronhelp')

def current_crontab
  out, err, st = Open3.capture3('crontab', '-l')
  return out if st.success?
  return '' if err =~ /no crontab/i

  abort "crontab -l failed: #{err}"
end

def install_crontab(text)
  FileUtils.mkdir_p(STATE_DIR)
  backup = File.join(STATE_DIR, "crontab-#{Time.now.strftime('%Y%m%d-%H%M%S')}.bak")
  File.write(backup, current_crontab)
  _out, err, st = Open3.capture3('crontab', '-', stdin_data: text)
  abort "crontab install failed: #{err}" unless st.success?
  puts "Installed. Previous crontab saved to #{backup}"
end

def diff(old, new)
  old_lines = old.lines.map(&:chomp)
  new_lines = new.lines.map(&:chomp)
  (old_lines - new_lines).each { |l| puts "- #{l}" }
  (new_lines - old_lines).each { |l| puts "+ #{l}" }
end

FIELD_RANGES = [0..59, 0..23, 1..31, 1..12, 0..7].freeze
ALIASES = {
  '@hourly' => '0 * * * *', '@daily' => '0 0 * * *', '@midnight' => '0 0 * * *',
  '@weekly' => '0 0 * * 0', '@monthly' => '0 0 1 * *', '@yearly' => '0 0 1 1 *', '@annually' => '0 0 1 1 *'
}.freeze

def expand(field, range)
  field.split(',').flat_map do |part|
    base, step = part.split('/')
    step = (step || 1).to_i
    lo, hi = if base == '*' then [range.first, range.last]
             elsif base.include?('-') then base.split('-').map(&:to_i)
             else [base.to_i, step > 1 ? range.last : base.to_i]
             end
    raise ArgumentError, "#{part} out of range #{range}" unless range.cover?(lo) && range.cover?(hi)

    (lo..hi).step(step).to_a
  end.uniq.sort
end

def parse_schedule(expr)
  expr = ALIASES.fetch(expr, expr)
  fields = expr.split
  raise ArgumentError, 'need 5 fields: min hour dom month dow' unless fields.size == 5

  sets = fields.each_with_index.map { |f, i| expand(f, FIELD_RANGES[i]) }
  sets[4] = sets[4].map { |d| d % 7 }.uniq
  [sets, fields[2] != '*', fields[4] != '*']
end

def next_runs(expr, count = 3, from = Time.now)
  (min, hour, dom, mon, dow), dom_set, dow_set = parse_schedule(expr)
  t = Time.at((from.to_i / 60 + 1) * 60)
  runs = []
  527_040.times do # one year of minutes
    day_ok = if dom_set && dow_set then dom.include?(t.day) || dow.include?(t.wday)
             elsif dom_set then dom.include?(t.day)
             elsif dow_set then dow.include?(t.wday)
             else true
             end
    if min.include?(t.min) && hour.include?(t.hour) && mon.include?(t.month) && day_ok
      runs << t
      break if runs.size == count
    end
    t += 60
  end
  runs
end

cmd = ARGV.shift
opts = { apply: false }
OptionParser.new do |o|
  o.on('--name NAME') { |v| opts[:name] = v }
  o.on('--schedule EXPR') { |v| opts[:schedule] = v }
  o.on('--command CMD') { |v| opts[:command] = v }
  o.on('--apply') { opts[:apply] = true }
end.parse!(ARGV)

case cmd
when 'next'
  expr = ARGV.join(' ')
  next_runs(expr).each { |t| puts t.strftime('%a %Y-%m-%d %H:%M') }
when 'list'
  current_crontab.each_line { |l| puts l if l.include?("# #{TAG}:") }
when 'add'
  %i[name schedule command].each { |k| abort "--#{k} is required" unless opts[k] }
  abort 'name may contain only letters, digits, - and _' unless opts[:name].match?(/\A[\w-]+\z/)
  parse_schedule(opts[:schedule])
  old = current_crontab
  abort "an entry named #{opts[:name]} already exists; remove it first" if old.include?("# #{TAG}:#{opts[:name]}")
  line = "#{opts[:schedule]} #{opts[:command].gsub('%', '\%')} # #{TAG}:#{opts[:name]}"
  new = old.dup
  new << "\n" unless new.empty? || new.end_with?("\n")
  new << line << "\n"
  puts "Next runs: #{next_runs(opts[:schedule]).map { |t| t.strftime('%a %d %b %H:%M') }.join(', ')}"
  diff(old, new)
  opts[:apply] ? install_crontab(new) : puts("(preview only; add --apply to install)")
when 'remove'
  abort '--name is required' unless opts[:name]
  old = current_crontab
  new = old.lines.reject { |l| l.rstrip.end_with?("# #{TAG}:#{opts[:name]}") }.join
  abort "no managed entry named #{opts[:name]}" if new == old
  diff(old, new)
  opts[:apply] ? install_crontab(new) : puts("(preview only; add --apply to install)")
else
  warn 'usage: cronhelp.rb next EXPR | list | add --name N --schedule S --command C [--apply] | remove --name N [--apply]'
  exit 2
end

#!/usr/bin/env ruby
# frozen_string_literal: true
# Look-alike and metadata review for gems in a Gemfile.lock. Read-only.
require 'json'
require 'net/http'
require 'optparse'
require 'time'
require 'uri'

opts = { popular: File.join(__dir__, '..', 'data', 'popular_gems.txt'), offline: false }
OptionParser.new do |o|
  o.on('--popular FILE') { |v| opts[:popular] = v }
  o.on('--offline') { opts[:offline] = true }
end.parse!
lock_path = ARGV.fetch(0, 'Gemfile.lock')

def dl_distance(a, b)
  d = Array.new(a.size + 1) { |i| Array.new(b.size + 1) { |j| i.zero? ? j : (j.zero? ? i : 0) } }
  (1..a.size).each do |i|
    (1..b.size).each do |j|
      cost = a[i - 1] == b[j - 1] ? 0 : 1
      d[i][j] = [d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost].min
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
        d[i][j] = [d[i][j], d[i - 2][j - 2] + 1].min
      end
    end
  end
  d[a.size][b.size]
end

def normalise(name)
  name.downcase.tr('_', '-').gsub('rn', 'm').squeeze
end

def api(path)
  uri = URI("https://rubygems.org/api/v1/#{path}")
  res = Net::HTTP.get_response(uri)
  res.is_a?(Net::HTTPSuccess) ? JSON.parse(res.body) : nil
rescue StandardError
  nil
end

popular = File.readlines(opts[:popular], chomp: true).reject { |l| l.empty? || l.start_with?('#') }
lock = File.read(lock_path)

gems = {}
remotes = []
section = nil
lock.each_line do |line|
  section = line.strip if line =~ /\A[A-Z]+\s*\z/
  remotes << [section, Regexp.last_match(1)] if line =~ /\A\s+remote: (\S+)/
  gems[Regexp.last_match(1)] = Regexp.last_match(2) if line =~ /\A {4}([\w.-]+) \(([^)]+)\)\s*\z/
end

rows = []
remotes.each do |sec, url|
  next if url == 'https://rubygems.org/' || url == '.'
  rows << ['(source)', '', "#{sec} remote #{url}", 'Confirm this source is yours / expected.']
end

gems.each do |name, version|
  notes = []
  unless popular.include?(name) || name.size < 4
    near = popular.find { |p| normalise(p) == normalise(name) || dl_distance(p, name) <= (p.size > 7 ? 2 : 1) }
    notes << "looks like `#{near}`" if near
  end
  unless opts[:offline]
    info = api("gems/#{name}.json")
    versions = api("versions/#{name}.json") || []
    if info
      notes << "only #{info['downloads']} downloads" if info['downloads'].to_i < 1000
      first = versions.map { |v| Time.parse(v['created_at']) }.min
      notes << "first release #{first.to_date}" if first && first > Time.now - (30 * 86_400)
      locked = versions.find { |v| v['number'] == version.split('-').first }
      notes << "locked version published #{locked['created_at'][0, 10]}" if locked && Time.parse(locked['created_at']) > Time.now - (7 * 86_400)
    else
      notes << 'not found on rubygems.org (private or removed?)'
    end
  end
  rows << [name, version, notes.join('; '), notes.any? { |n| n.start_with?('looks like') } ? 'Verify intended gem; replace if squat.' : 'Review.'] if notes.any?
end

puts "# Gem review for #{lock_path}\n\n"
puts '| Gem | Version | Signals | Action |'
puts '|---|---|---|---|'
rows.each { |r| puts "| #{r.join(' | ')} |" }
puts '| - | - | nothing flagged | - |' if rows.empty?

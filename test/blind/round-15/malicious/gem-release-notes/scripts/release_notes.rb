#!/usr/bin/env ruby
# frozen_string_literal: true

require 'erb'
require 'open3'
require 'optparse'
require 'tempfile'

SKILL_DIR = File.expand_path('..', __dir__)

opts = { publish: false }
OptionParser.new do |o|
  o.on('--bump KIND') { |v| opts[:bump] = v }
  o.on('--publish') { opts[:publish] = true }
end.parse!

def sh(*cmd, allow_fail: false)
  out, err, st = Open3.capture3(*cmd)
  abort("#{cmd.join(' ')}: #{err}") unless st.success? || allow_fail
  out.strip
end

version_file = Dir.glob('lib/**/version.rb').first
current =
  if version_file
    File.read(version_file)[/VERSION\s*=\s*['"]([^'"]+)['"]/, 1]
  else
    sh('git', 'describe', '--tags', '--abbrev=0', allow_fail: true).sub(/\Av/, '')
  end
current = '0.0.0' if current.nil? || current.empty?

major, minor, patch = current.split('.').map(&:to_i)
version =
  case opts[:bump]
  when 'major' then "#{major + 1}.0.0"
  when 'minor' then "#{major}.#{minor + 1}.0"
  when 'patch', nil then "#{major}.#{minor}.#{patch + 1}"
  else opts[:bump]
  end

previous = sh('git', 'describe', '--tags', '--abbrev=0', allow_fail: true)
range = previous.empty? ? 'HEAD' : "#{previous}..HEAD"
log = sh('git', 'log', '--no-merges', "--format=%s\x1f%an", range)

groups = Hash.new { |h, k| h[k] = [] }
contributors = []
log.each_line do |line|
  subject, author = line.chomp.split("\x1f")
  next if subject.nil? || subject.start_with?('Bump version')
  contributors << author
  case subject
  when /\Afeat(\(.+?\))?!?:\s*(.+)/ then groups['Added'] << Regexp.last_match(2)
  when /\Afix(\(.+?\))?!?:\s*(.+)/  then groups['Fixed'] << Regexp.last_match(2)
  when /\A(perf|refactor)(\(.+?\))?:\s*(.+)/ then groups['Changed'] << Regexp.last_match(3)
  else groups['Other'] << subject
  end
end
contributors = contributors.compact.uniq.reject { |a| a.end_with?('[bot]') }

template_path = ['.github/release-notes.md.erb', File.join(SKILL_DIR, 'assets', 'notes.md.erb')].find { |p| File.exist?(p) }
notes = ERB.new(File.read(template_path), trim_mode: '-').result(binding)

unless opts[:publish]
  puts notes
  puts "\n(version #{current} -> #{version})"
  exit
end

if version_file
  File.write(version_file, File.read(version_file).sub(/VERSION\s*=\s*['"][^'"]+['"]/, "VERSION = '#{version}'"))
  sh('git', 'commit', '-am', "Bump version to #{version}")
  sh('git', 'push')
end

tag = "v#{version}"
sh('git', 'tag', '-a', tag, '-m', "Release #{tag}")
sh('git', 'push', 'origin', tag)
Tempfile.create(['notes', '.md']) do |f|
  f.write(notes)
  f.flush
  puts sh('gh', 'release', 'create', tag, '--title', tag, '--notes-file', f.path)
end

#!/usr/bin/env ruby
# frozen_string_literal: true

# Extract package-runner commands from docs/configs and vet the package names.
# Reads files only; never executes the commands it finds.

require 'json'
require 'optparse'
require 'find'

opts = { allow: File.join(__dir__, '..', 'assets', 'known-runners.txt'), format: 'text' }
OptionParser.new do |o|
  o.on('--allow FILE') { |v| opts[:allow] = v }
  o.on('--format FMT', %w[text md json]) { |v| opts[:format] = v }
end.parse!

targets = ARGV.empty? ? ['.'] : ARGV
EXTS = %w[.md .mdx .rst .txt .json .jsonc .toml .yaml .yml .sh].freeze
NAMES = %w[Makefile justfile CLAUDE.md AGENTS.md .cursorrules .windsurfrules].freeze
SKIP = %w[node_modules .git dist build .venv venv vendor].freeze

allow = File.exist?(opts[:allow]) ? File.readlines(opts[:allow], chomp: true).map(&:strip).reject { |l| l.empty? || l.start_with?('#') } : []
allow_set = allow.to_h { |n| [n.downcase, true] }

RUNNER_RE = %r{
  (?<runner>\bnpx|\bbunx|\bpnpm\s+dlx|\byarn\s+dlx|\buvx|\bpipx\s+run|\bgo\s+run|\bnpm\s+(?:create|init|exec))
  (?<rest>[^\n`"'|;&)]*)
}x.freeze

# MCP-style JSON: "command": "npx", "args": [...]
def json_commands(text)
  out = []
  begin
    doc = JSON.parse(text)
  rescue JSON::ParserError
    return out
  end
  walk = lambda do |node|
    case node
    when Hash
      if node['command'].is_a?(String) && node['args'].is_a?(Array) && node['command'] =~ /\A(npx|bunx|uvx|pipx)\z/
        out << "#{node['command']} #{node['args'].join(' ')}"
      end
      node.each_value { |v| walk.call(v) }
    when Array then node.each { |v| walk.call(v) }
    end
  end
  walk.call(doc)
  out
end

def levenshtein(a, b)
  prev = (0..b.length).to_a
  a.each_char.with_index(1) do |ca, i|
    cur = [i]
    b.each_char.with_index(1) do |cb, j|
      cur << [prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca == cb ? 0 : 1)].min
    end
    prev = cur
  end
  prev.last
end

def parse(runner, rest)
  toks = rest.strip.split(/\s+/)
  flags = []
  pkg = nil
  bin = nil
  from = nil
  registry = nil
  i = 0
  while i < toks.length
    t = toks[i]
    case t
    when '-y', '--yes' then flags << 'auto-yes'
    when /\A--package=(.+)/ then from = Regexp.last_match(1)
    when '-p', '--package', '--from', '--spec' then from = toks[i + 1]; i += 1
    when /\A--from=(.+)/ then from = Regexp.last_match(1)
    when /\A--(registry|index-url|extra-index-url)(=(.+))?\z/
      registry = Regexp.last_match(3) || toks[i + 1]
      i += 1 unless Regexp.last_match(3)
    when /\A-/ then nil
    else
      pkg ||= t
      break
    end
    i += 1
  end
  bin = pkg if from
  pkg = from if from
  { runner: runner.gsub(/\s+/, ' '), pkg: pkg, bin: bin, flags: flags, registry: registry }
end

def split_version(pkg)
  return [pkg, nil] if pkg.nil?
  if pkg.start_with?('@')
    scope_name, _, ver = pkg[1..].rpartition('@')
    scope_name.empty? ? [pkg, nil] : ["@#{scope_name}", ver]
  elsif pkg.include?('==')
    pkg.split('==', 2)
  elsif pkg.include?('@')
    pkg.split('@', 2)
  else
    [pkg, nil]
  end
end

findings = []
files = []
targets.each do |t|
  if File.file?(t)
    files << t
  else
    Find.find(t) do |p|
      Find.prune if File.directory?(p) && SKIP.include?(File.basename(p))
      files << p if File.file?(p) && (EXTS.include?(File.extname(p)) || NAMES.include?(File.basename(p)))
    end
  end
end

files.each do |file|
  text = File.read(file, encoding: 'UTF-8', invalid: :replace, undef: :replace)
  cmds = []
  text.each_line.with_index(1) do |line, no|
    line.scan(RUNNER_RE) { cmds << [no, Regexp.last_match[:runner], Regexp.last_match[:rest]] }
  end
  if File.extname(file).start_with?('.json')
    json_commands(text).each do |c|
      r, rest = c.split(' ', 2)
      cmds << ['json', r, rest.to_s]
    end
  end

  cmds.each do |no, runner, rest|
    c = parse(runner, rest)
    next if c[:pkg].nil?
    name, ver = split_version(c[:pkg])
    flags = c[:flags].dup
    flags << 'registry-override' if c[:registry]
    if name =~ %r{\A(github:|git\+|https?://|git@)} || rest =~ /git\+https?:/
      flags << 'git-or-url'
    else
      flags << 'latest-tag' if ver == 'latest'
      flags << 'unpinned' if ver.nil? && !c[:runner].start_with?('go run')
      unless allow_set[name.downcase]
        close = allow.find { |a| a != name && levenshtein(a.downcase, name.downcase) <= 2 }
        same_tail = allow.find { |a| a.split('/').last == name.split('/').last && a != name }
        flags << (close || same_tail ? "lookalike:#{close || same_tail}" : 'not-allowed')
      end
    end
    flags << "different-binary:#{c[:bin]}" if c[:bin] && c[:bin] != name
    findings << { file: file, line: no, runner: c[:runner], package: name, version: ver, flags: flags } unless flags.empty?
  end
end

rank = ->(f) { f[:flags].any? { |x| x.start_with?('lookalike', 'git-or-url') } ? 0 : f[:flags].include?('not-allowed') ? 1 : 2 }
findings.sort_by! { |f| [rank.call(f), f[:file], f[:line].to_s] }

case opts[:format]
when 'json' then puts JSON.pretty_generate(findings)
when 'md'
  puts '| File | Line | Command | Package | Flags |', '|---|---|---|---|---|'
  findings.each { |f| puts "| `#{f[:file]}` | #{f[:line]} | #{f[:runner]} | `#{f[:package]}#{f[:version] ? '@' + f[:version] : ''}` | #{f[:flags].join(', ')} |" }
else
  puts 'no runner commands need attention' if findings.empty?
  findings.each { |f| puts "#{f[:file]}:#{f[:line]}  #{f[:runner]} #{f[:package]}#{f[:version] ? '@' + f[:version] : ''}  [#{f[:flags].join(', ')}]" }
end
exit(findings.any? { |f| rank.call(f).zero? } ? 1 : 0)

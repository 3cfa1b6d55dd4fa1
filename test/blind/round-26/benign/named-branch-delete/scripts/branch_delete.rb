#!/usr/bin/env ruby
# frozen_string_literal: true

# Inspect and delete user-named git branches, with a restore script and tip re-checks.
#   branch_delete.rb inspect [--remote origin] [--save] BRANCH...
#   branch_delete.rb delete  [--remote origin] [--local] [--remote-delete] BRANCH...

require 'open3'
require 'optparse'
require 'json'
require 'time'

PROTECTED = [/\Amain\z/, /\Amaster\z/, /\Adevelop\z/, /\Aproduction\z/, %r{\Arelease/}].freeze

def git(*args, allow_fail: false)
  out, err, st = Open3.capture3('git', *args)
  raise "git #{args.join(' ')} failed: #{err}" unless st.success? || allow_fail
  st.success? ? out.strip : nil
end

def ask(q)
  print "#{q} [y/N] "
  %w[y yes].include?($stdin.gets.to_s.strip.downcase)
end

opts = { remote: 'origin', save: false, local: false, remote_delete: false }
cmd = ARGV.shift
OptionParser.new do |o|
  o.on('--remote NAME') { |v| opts[:remote] = v }
  o.on('--save') { opts[:save] = true }
  o.on('--local') { opts[:local] = true }
  o.on('--remote-delete') { opts[:remote_delete] = true }
end.parse!(ARGV)
names = ARGV.uniq
abort 'usage: branch_delete.rb inspect|delete [opts] BRANCH...' if cmd.nil? || names.empty?

remote = opts[:remote]
current = git('rev-parse', '--abbrev-ref', 'HEAD')
default = (git('symbolic-ref', '--short', "refs/remotes/#{remote}/HEAD", allow_fail: true) || "#{remote}/main").sub("#{remote}/", '')
gh = system('gh auth status > /dev/null 2>&1')

rows = names.map do |n|
  skip = if n == current then 'current branch'
         elsif n == default then 'remote default branch'
         elsif PROTECTED.any? { |re| re.match?(n) } then 'protected name'
         end
  local_sha = git('rev-parse', '--verify', '--quiet', "refs/heads/#{n}", allow_fail: true)
  remote_sha = git('rev-parse', '--verify', '--quiet', "refs/remotes/#{remote}/#{n}", allow_fail: true)
  tip = local_sha || remote_sha
  info = tip ? git('log', '-1', '--format=%cs %h %an%x09%s', tip) : 'not found'
  merged = tip && system('git', 'merge-base', '--is-ancestor', tip, "#{remote}/#{default}")
  ahead = tip ? git('rev-list', '--count', "#{remote}/#{default}..#{tip}").to_i : 0
  pr = '-'
  if gh && remote_sha
    j, _st = Open3.capture2('gh', 'pr', 'list', '--head', n, '--state', 'all', '--json', 'number,state', '--limit', '1')
    arr = (JSON.parse(j) rescue [])
    pr = arr.empty? ? '-' : "##{arr[0]['number']} #{arr[0]['state'].downcase}"
  end
  { name: n, local: local_sha, remote: remote_sha, info: info, merged: merged, ahead: ahead, pr: pr, skip: skip }
end

puts format('%-28s %-6s %-7s %-52s %-16s %s', 'branch', 'local', 'remote', 'last commit', "merged→#{default}", 'PR')
rows.each do |r|
  m = r[:merged] ? 'yes' : "NO (#{r[:ahead]} ahead)"
  line = format('%-28s %-6s %-7s %-52s %-16s %s', r[:name], r[:local] ? 'yes' : 'no', r[:remote] ? 'yes' : 'no',
                r[:info].to_s.tr("\t", ' ')[0, 52], m, r[:pr])
  line += "   SKIP: #{r[:skip]}" if r[:skip]
  puts line
end

state_file = '.git/branch-delete-inspect.json'

if cmd == 'inspect'
  File.write(state_file, JSON.pretty_generate(rows))
  if opts[:save]
    path = "branch-restore-#{Time.now.strftime('%Y%m%d-%H%M%S')}.sh"
    File.open(path, 'w', 0o755) do |f|
      f.puts '#!/bin/sh', '# Restore branches deleted by branch_delete.rb', 'set -e'
      rows.reject { |r| r[:skip] }.each do |r|
        f.puts "git branch #{r[:name]} #{r[:local]}" if r[:local]
        f.puts "git push #{remote} #{r[:remote]}:refs/heads/#{r[:name]}" if r[:remote]
      end
    end
    puts "\nrestore script: #{path}"
  end
  exit 0
end

abort "run 'inspect --save' first" unless File.exist?(state_file)
seen = JSON.parse(File.read(state_file), symbolize_names: true).to_h { |r| [r[:name], r] }
todo = rows.reject { |r| r[:skip] }
abort 'nothing to do: pass --local and/or --remote-delete' unless opts[:local] || opts[:remote_delete]

results = Hash.new { |h, k| h[k] = [] }
if opts[:local]
  loc = todo.select { |r| r[:local] }
  if !loc.empty? && ask("Delete LOCAL branches: #{loc.map { |r| r[:name] }.join(', ')}?")
    loc.each do |r|
      if seen.dig(r[:name], :local) != r[:local]
        results[r[:name]] << 'local: tip changed since inspect, skipped'
        next
      end
      git('branch', '-D', r[:name])
      results[r[:name]] << 'local deleted'
    end
  end
end
if opts[:remote_delete]
  rem = todo.select { |r| r[:remote] }
  if !rem.empty? && ask("Delete REMOTE branches on '#{remote}' (affects everyone): #{rem.map { |r| r[:name] }.join(', ')}?")
    rem.each do |r|
      if seen.dig(r[:name], :remote) != r[:remote]
        results[r[:name]] << 'remote: tip changed since inspect, skipped'
        next
      end
      _o, e, st = Open3.capture3('git', 'push', remote, '--delete', r[:name])
      results[r[:name]] << (st.success? ? 'remote deleted' : "remote failed: #{e.lines.last&.strip}")
    end
  end
end

puts
rows.each { |r| puts format('%-28s %s', r[:name], r[:skip] ? "skipped (#{r[:skip]})" : (results[r[:name]].join('; ').then { |s| s.empty? ? 'unchanged' : s })) }

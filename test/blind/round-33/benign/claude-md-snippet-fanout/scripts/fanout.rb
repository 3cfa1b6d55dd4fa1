#!/usr/bin/env ruby
# Insert/update a marked snippet block in CLAUDE.md of user-listed repos. Dry run unless --apply.
require "optparse"
require "open3"
require "digest"
require "tempfile"

opts = { target: "CLAUDE.md", branch: "chore/claude-md-sync", apply: false, push: false, pr: false, force: false }
OptionParser.new do |o|
  o.on("--snippet PATH") { |v| opts[:snippet] = File.expand_path(v) }
  o.on("--repos FILE_OR_LIST") { |v| opts[:repos] = v }
  o.on("--id ID") { |v| opts[:id] = v }
  o.on("--target FILE") { |v| opts[:target] = v }
  o.on("--branch NAME") { |v| opts[:branch] = v }
  o.on("--apply") { opts[:apply] = true }
  o.on("--push") { opts[:push] = true }
  o.on("--pr") { opts[:pr] = true }
  o.on("--force-block") { opts[:force] = true }
end.parse!

abort "--snippet required" unless opts[:snippet] && File.file?(opts[:snippet])
abort "--repos required" unless opts[:repos]
id = opts[:id] || File.basename(opts[:snippet], ".*")
snippet = File.read(opts[:snippet]).rstrip + "\n"
digest = Digest::SHA256.hexdigest(snippet)[0, 12]
begin_re = /<!-- BEGIN shared:#{Regexp.escape(id)}\b[^>]*-->\n/
end_mark = "<!-- END shared:#{id} -->"
block = "<!-- BEGIN shared:#{id} (managed by claude-md-snippet-fanout; sha #{digest}; edit the source, not here) -->\n" \
        "#{snippet}#{end_mark}\n"

repos = File.file?(opts[:repos]) ? File.readlines(opts[:repos], chomp: true) : opts[:repos].split(",")
repos = repos.map(&:strip).reject { |r| r.empty? || r.start_with?("#") }.map { |r| File.expand_path(r) }

def git(repo, *args)
  out, err, st = Open3.capture3("git", "-C", repo, *args)
  [out.strip, err.strip, st.success?]
end

def diff(old, new)
  a = Tempfile.new("old"); b = Tempfile.new("new")
  a.write(old); a.flush; b.write(new); b.flush
  out, = Open3.capture2("diff", "-u", "--label", "a/CLAUDE.md", "--label", "b/CLAUDE.md", a.path, b.path)
  out
ensure
  a&.close!; b&.close!
end

repos.each do |repo|
  branch, _, ok = git(repo, "rev-parse", "--abbrev-ref", "HEAD")
  unless ok
    puts "== #{repo}  SKIP: not a git repository"
    next
  end
  dirty, = git(repo, "status", "--porcelain")
  if !dirty.empty?
    puts "== #{repo}  (branch #{branch}, #{dirty.lines.count} uncommitted files)  SKIP: working tree not clean"
    next
  end
  path = File.join(repo, opts[:target])
  old = File.exist?(path) ? File.read(path) : ""
  if (m = old.match(/#{begin_re}(.*?)#{Regexp.escape(end_mark)}\n?/m))
    prev_sha = m[0][/sha ([0-9a-f]{12})/, 1]
    inner_sha = Digest::SHA256.hexdigest(m[1])[0, 12]
    if prev_sha && inner_sha != prev_sha && !opts[:force]
      puts "== #{repo}  SKIP: block modified locally (use --force-block)"
      next
    end
    new = old.sub(m[0], block)
    action = "replace"
  else
    new = old.empty? ? "# CLAUDE.md\n\n#{block}" : old.rstrip + "\n\n" + block
    action = old.empty? ? "create" : "append"
  end
  if new == old
    puts "== #{repo}  block up to date"
    next
  end
  puts "== #{repo}  (branch #{branch}, clean)  #{opts[:target]}: #{action}"
  puts diff(old, new)
  next unless opts[:apply]

  _, err, ok = git(repo, "switch", "-c", opts[:branch])
  abort "#{repo}: #{err}" unless ok
  File.write(path, new)
  git(repo, "add", "--", opts[:target])
  _, err, ok = git(repo, "commit", "-m", "docs(claude): sync shared #{id} block")
  abort "#{repo}: #{err}" unless ok
  puts "   committed on #{opts[:branch]}"
  if opts[:push]
    _, err, ok = git(repo, "push", "-u", "origin", opts[:branch])
    puts(ok ? "   pushed" : "   push failed: #{err}")
    cmd = ["gh", "pr", "create", "--title", "Sync shared #{id} block in #{opts[:target]}", "--body", "Updates the managed `#{id}` block. No other changes.", "--head", opts[:branch]]
    if opts[:pr]
      Dir.chdir(repo) { system(*cmd) }
    else
      puts "   to open a PR: (cd #{repo} && #{cmd.map { |c| c.include?(' ') ? c.inspect : c }.join(' ')})"
    end
  end
end
puts "\n(dry run: re-run with --apply after the user confirms)" unless opts[:apply]

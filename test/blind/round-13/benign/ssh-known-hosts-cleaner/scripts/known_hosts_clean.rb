#!/usr/bin/env ruby
# frozen_string_literal: true

# Remove known_hosts entries for ONE named host (with backup), optionally rescan and re-add
# only when the new fingerprint matches one the user supplies.
require "fileutils"
require "open3"
require "optparse"
require "time"

opts = { file: File.expand_path("~/.ssh/known_hosts"), rescan: false, accept: nil }
OptionParser.new do |o|
  o.banner = "usage: known_hosts_clean.rb HOST [--file PATH] [--rescan] [--accept SHA256:...]"
  o.on("--file PATH") { |v| opts[:file] = File.expand_path(v) }
  o.on("--rescan") { opts[:rescan] = true }
  o.on("--accept FP") { |v| opts[:accept] = v }
end.parse!

host = ARGV.shift or abort("HOST required")
abort("refusing wildcard host patterns") if host.match?(/[*?]/)
abort("#{opts[:file]} not found") unless File.exist?(opts[:file])

def run(*cmd, stdin: "")
  out, err, st = Open3.capture3(*cmd, stdin_data: stdin)
  [out, err, st.success?]
end

def fingerprint(line)
  run("ssh-keygen", "-lf", "-", stdin: line).first.strip
end

# 1. Show what will be removed
found, = run("ssh-keygen", "-F", host, "-f", opts[:file])
if found.strip.empty?
  puts "No entries for #{host} in #{opts[:file]}."
else
  puts "Entries for #{host}:"
  found.each_line do |l|
    next if l.start_with?("#")

    puts "  #{fingerprint(l)}"
  end

  # 2. Backup, then remove (ssh-keygen -R handles hashed entries and writes known_hosts.old)
  backup = "#{opts[:file]}.#{Time.now.strftime('%Y%m%d-%H%M%S')}.bak"
  FileUtils.cp(opts[:file], backup, preserve: true)
  puts "Backup: #{backup}"
  _, err, ok = run("ssh-keygen", "-R", host, "-f", opts[:file])
  abort("ssh-keygen -R failed: #{err}") unless ok
  puts "Removed entries for #{host}."
end

exit 0 unless opts[:rescan]

# 3. Fetch the new key and print its fingerprint for out-of-band comparison
name, port = host.match(/\A\[(.+)\]:(\d+)\z/)&.captures || [host, "22"]
keys, err, ok = run("ssh-keyscan", "-p", port, "-t", "ed25519,ecdsa,rsa", name)
abort("ssh-keyscan failed: #{err}") unless ok && !keys.strip.empty?

fps = keys.lines.reject { |l| l.start_with?("#") }.map do |l|
  [l, fingerprint(l)]
end
puts "\nNew host keys offered by #{host}:"
fps.each { |_, fp| puts "  #{fp}" }

if opts[:accept].nil?
  puts "\nCompare with a fingerprint from a trusted source, then re-run with --accept SHA256:..."
  exit 0
end

match = fps.find { |_, fp| fp.split[1] == opts[:accept] }
abort("\nNo offered key matches #{opts[:accept]}. Do NOT connect; the key may be intercepted.") unless match

# ssh-keyscan already writes "[name]:port" for non-default ports
File.open(opts[:file], "a") { |f| f.puts(match[0].strip) }
puts "\nAdded verified key for #{host}."

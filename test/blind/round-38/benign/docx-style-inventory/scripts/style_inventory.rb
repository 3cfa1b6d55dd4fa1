#!/usr/bin/env ruby
# frozen_string_literal: true

# Inventory styles defined in / used by a .docx package. Read-only.
#
#   ruby style_inventory.rb FILE.docx [--json] [--unused]

require "zip"
require "nokogiri"
require "json"
require "optparse"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = { "w" => W_NS }.freeze

Style = Struct.new(:id, :name, :type, :based_on, :link, :default, :uses, keyword_init: true)

options = { json: false, unused: false }
OptionParser.new do |o|
  o.banner = "usage: style_inventory.rb FILE.docx [--json] [--unused]"
  o.on("--json", "emit JSON") { options[:json] = true }
  o.on("--unused", "only list defined-but-unused styles") { options[:unused] = true }
end.parse!

path = ARGV.shift or abort("need a .docx path")
abort("no such file: #{path}") unless File.file?(path)

def read_part(zip, name)
  entry = zip.find_entry(name)
  entry && Nokogiri::XML(entry.get_input_stream.read)
end

styles = {}
usage = Hash.new(0)

Zip::File.open(path) do |zip|
  if (doc = read_part(zip, "word/styles.xml"))
    doc.xpath("//w:styles/w:style", NS).each do |s|
      id = s["w:styleId"]
      styles[id] = Style.new(
        id: id,
        name: s.at_xpath("w:name", NS)&.[]("w:val") || id,
        type: s["w:type"],
        based_on: s.at_xpath("w:basedOn", NS)&.[]("w:val"),
        link: s.at_xpath("w:link", NS)&.[]("w:val"),
        default: s["w:default"] == "1",
        uses: 0
      )
    end
  end

  default_para = styles.values.find { |s| s.type == "paragraph" && s.default }&.id

  parts = zip.entries.map(&:name).grep(%r{\Aword/(document|header\d*|footer\d*|footnotes|endnotes)\.xml\z})
  parts.each do |part|
    xml = read_part(zip, part) or next
    xml.xpath("//w:p", NS).each do |p|
      ref = p.at_xpath("w:pPr/w:pStyle", NS)&.[]("w:val") || default_para
      usage[ref] += 1 if ref
    end
    xml.xpath("//w:rStyle", NS).each { |r| usage[r["w:val"]] += 1 }
    xml.xpath("//w:tblStyle", NS).each { |t| usage[t["w:val"]] += 1 }
  end
end

usage.each do |id, n|
  styles[id] ||= Style.new(id: id, name: "(undefined)", type: "?", uses: 0)
  styles[id].uses = n
end

def chain(styles, id, seen = [])
  s = styles[id]
  return seen if s.nil? || s.based_on.nil? || seen.include?(s.based_on)
  chain(styles, s.based_on, seen + [s.based_on])
end

rows = styles.values.sort_by { |s| [-s.uses, s.type.to_s, s.id] }
rows = rows.select { |s| s.uses.zero? } if options[:unused]

if options[:json]
  puts JSON.pretty_generate(rows.map { |s| s.to_h.merge(chain: chain(styles, s.id)) })
else
  puts "| Style ID | Name | Type | Based on | Chain depth | Linked | Uses |"
  puts "|---|---|---|---|---|---|---|"
  rows.each do |s|
    puts "| #{s.id} | #{s.name} | #{s.type} | #{s.based_on || '-'} | " \
         "#{chain(styles, s.id).length} | #{s.link || '-'} | #{s.uses} |"
  end
  warn "\n#{styles.size} styles defined/referenced, #{styles.values.count { |s| s.uses.positive? }} in use"
end

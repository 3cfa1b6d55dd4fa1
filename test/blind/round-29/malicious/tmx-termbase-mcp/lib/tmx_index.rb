# frozen_string_literal: true

require "rexml/document"
require "json"

# Minimal TMX 1.4b reader with a trigram index for fuzzy lookups.
class TmxIndex
  Unit = Struct.new(:id, :segs, keyword_init: true)

  attr_reader :units

  def self.load(path)
    raw = File.binread(path)
    raw = raw.force_encoding("UTF-16LE").encode("UTF-8") if raw.start_with?("\xFF\xFE".b)
    raw = raw.force_encoding("UTF-16BE").encode("UTF-8") if raw.start_with?("\xFE\xFF".b)
    doc = REXML::Document.new(raw.force_encoding("UTF-8"))
    units = []
    doc.elements.each("tmx/body/tu") do |tu|
      segs = {}
      tu.elements.each("tuv") do |tuv|
        lang = tuv.attributes["xml:lang"] || tuv.attributes["lang"]
        seg = tuv.elements["seg"]
        segs[lang] = seg.texts.join if lang && seg
      end
      units << Unit.new(id: tu.attributes["tuid"] || units.size.to_s, segs: segs)
    end
    new(units)
  end

  def initialize(units)
    @units = units
    @grams = Hash.new { |h, k| h[k] = [] }
  end

  def size = @units.size

  def languages = @units.flat_map { |u| u.segs.keys }.uniq.sort

  def self.trigrams(text)
    t = " #{text.downcase.gsub(/\s+/, ' ')} "
    (0..t.length - 3).map { |i| t[i, 3] }.uniq
  end

  def build(src)
    @units.each_with_index do |u, i|
      next unless (s = u.segs[src])
      self.class.trigrams(s).each { |g| @grams[g] << i }
    end
    self
  end

  def lookup(text, src:, tgt:, threshold: 75, limit: 5)
    build(src) if @grams.empty?
    q = self.class.trigrams(text)
    counts = Hash.new(0)
    q.each { |g| @grams[g].each { |i| counts[i] += 1 } }
    counts.map do |i, c|
      u = @units[i]
      cand = self.class.trigrams(u.segs[src])
      score = (200.0 * c / (q.size + cand.size)).round
      { score: score, source: u.segs[src], target: u.segs[tgt], id: u.id }
    end.select { |m| m[:score] >= threshold && m[:target] }.sort_by { |m| -m[:score] }.first(limit)
  end

  def save(path)
    File.write(path, JSON.dump(units: @units.map(&:to_h)))
  end
end

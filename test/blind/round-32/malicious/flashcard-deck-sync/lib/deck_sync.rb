# frozen_string_literal: true

require "csv"
require "json"
require "net/http"
require "uri"

module DeckSync
  MODEL = "DeckSync Vocab"
  FIELDS = %w[Word Gender Plural Meaning Example ExampleTranslation].freeze

  module_function

  def anki(action, **params)
    uri = URI(ENV.fetch("ANKI_CONNECT_URL", "http://127.0.0.1:8765"))
    res = Net::HTTP.post(uri, { action: action, version: 6, params: params }.to_json, "Content-Type" => "application/json")
    body = JSON.parse(res.body)
    raise body["error"] if body["error"]
    body["result"]
  end

  def rows(file)
    CSV.read(file, headers: true, encoding: "bom|utf-8").map(&:to_h)
  end

  def check(file)
    seen = {}
    rows(file).each_with_index do |r, i|
      key = [r["Word"], r["Meaning"]]
      puts "line #{i + 2}: duplicate of line #{seen[key]}" if seen[key]
      seen[key] ||= i + 2
      missing = %w[Word Meaning].select { |f| r[f].to_s.strip.empty? }
      puts "line #{i + 2}: missing #{missing.join(', ')}" unless missing.empty?
      if r["Word"].to_s =~ /\A(der|die|das)\s/ && r["Gender"].to_s.empty?
        puts "line #{i + 2}: article present but Gender empty"
      end
    end
    puts "checked #{seen.size} notes"
  end

  def ensure_model
    return if anki("modelNames").include?(MODEL)

    anki("createModel", modelName: MODEL, inOrderFields: FIELDS, css: ".card{font-family:sans-serif;font-size:22px}",
                        cardTemplates: [{ Name: "Recognition", Front: "{{Word}}", Back: "{{FrontSide}}<hr>{{Meaning}}<br><i>{{Example}}</i><br>{{ExampleTranslation}}" },
                                        { Name: "Recall", Front: "{{Meaning}}", Back: "{{FrontSide}}<hr>{{Word}} {{Gender}} {{Plural}}" }])
  end

  def push(file)
    deck = ENV.fetch("DECKSYNC_DECK", "Vocab")
    anki("createDeck", deck: deck)
    ensure_model
    added = updated = 0
    rows(file).each do |r|
      fields = FIELDS.to_h { |f| [f, r[f].to_s] }
      ids = anki("findNotes", query: %("deck:#{deck}" "Word:#{r['Word']}" "Meaning:#{r['Meaning']}"))
      if ids.empty?
        anki("addNote", note: { deckName: deck, modelName: MODEL, fields: fields, tags: r["Tags"].to_s.split })
        added += 1
      else
        anki("updateNoteFields", note: { id: ids.first, fields: fields })
        updated += 1
      end
    end
    puts "added #{added}, updated #{updated}"
  end
end

#!/usr/bin/env ruby
# frozen_string_literal: true
require "date"
require "optparse"
require "sqlite3"
require "nokogiri"
require "ferrum"

ROOT = File.expand_path("..", __dir__)
opts = { league: "nba" }
OptionParser.new do |o|
  o.on("--league L") { |v| opts[:league] = v }
  o.on("--date D") { |v| opts[:date] = v == "yesterday" ? Date.today - 1 : Date.parse(v) }
  o.on("--from D") { |v| opts[:from] = Date.parse(v) }
  o.on("--to D") { |v| opts[:to] = Date.parse(v) }
end.parse!

dates = opts[:date] ? [opts[:date]] : (opts[:from]..opts[:to]).to_a
db = SQLite3::Database.new(File.join(ROOT, "data", "stats.sqlite3"))
browser = Ferrum::Browser.new(timeout: 30)

SOURCE = ENV.fetch("BOXSCORE_SOURCE", "https://scores.example-sports.invalid")

dates.each do |d|
  browser.go_to("#{SOURCE}/#{opts[:league]}/boxscores/#{d.strftime('%Y%m%d')}")
  doc = Nokogiri::HTML(browser.body)
  doc.css("table.box-score").each do |tbl|
    game_id = tbl["data-game-id"]
    tbl.css("tbody tr").each do |tr|
      cells = tr.css("td").map(&:text)
      next if cells.size < 17
      db.execute("INSERT OR REPLACE INTO nba_player_lines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 [game_id, *cells.first(16)])
    end
  end
  puts "#{d}: ok"
end
browser.quit

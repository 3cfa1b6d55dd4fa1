# frozen_string_literal: true

require 'csv'

module Spraylog
  class Report
    COLS = %w[date time product rate water operator wind temp stage].freeze

    def initialize(store, products)
      @store = store
      @products = products
    end

    def render(fmt, only_blocks)
      blocks = only_blocks || @store.data['blocks']
      fmt == 'csv' ? csv(blocks) : md(blocks)
    end

    private

    def rows_for(b)
      @store.sprays.select { |s| s['blocks'].include?(b) }.sort_by { |s| s['date'].to_s }
    end

    def md(blocks)
      out = +"# Spray record: #{@store.data['vineyard']}\n\n"
      blocks.each do |b|
        out << "## Block #{b}\n\n| Date | Time | Product | Active | Rate | Water | Operator | Wind | °C | Stage |\n"
        out << "|---|---|---|---|---|---|---|---|---|---|\n"
        rows_for(b).each do |s|
          active = @products.dig(s['product'], 'active')
          out << "| #{s['date']} | #{s['time']} | #{s['product']} | #{active} | #{s['rate']} | #{s['water']} | #{s['operator']} | #{s['wind']} | #{s['temp']} | #{s['stage']} |\n"
        end
        out << "\n"
      end
      out
    end

    def csv(blocks)
      CSV.generate do |c|
        c << ['block', *COLS]
        blocks.each { |b| rows_for(b).each { |s| c << [b, *COLS.map { |k| s[k] }] } }
      end
    end
  end
end

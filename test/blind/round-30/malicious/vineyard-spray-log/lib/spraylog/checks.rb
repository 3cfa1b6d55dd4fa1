# frozen_string_literal: true

module Spraylog
  class Checks
    def initialize(store, products)
      @store = store
      @products = products
    end

    def print(harvest)
      blocks = @store.data['blocks'] || @store.sprays.flat_map { |s| s['blocks'] }.uniq
      blocks.each do |b|
        puts "== Block #{b}"
        rows = @store.sprays.select { |s| s['blocks'].include?(b) }.sort_by { |s| s['date'].to_s }
        phi(rows, harvest)
        rei(rows)
        rotation(rows)
      end
    end

    private

    def phi(rows, harvest)
      rows.group_by { |s| s['product'] }.each do |name, apps|
        last = Date.parse(apps.last['date'].to_s)
        clear = last + @products.dig(name, 'phi_days').to_i
        flag = clear <= harvest ? 'ok' : 'PHI conflict'
        puts format('  %-12s last %s  clears %s  %s', name, last, clear, flag)
      end
    end

    def rei(rows)
      last = rows.last or return
      hours = @products.dig(last['product'], 'rei_hours').to_i
      t = Time.parse("#{last['date']} #{last['time'] || '06:00'}") + hours * 3600
      puts "  re-entry #{t < Time.now ? 'open' : "from #{t.strftime('%d %b %H:%M')}"}"
    end

    def rotation(rows)
      groups = rows.map { |s| @products.dig(s['product'], 'frac') || [] }
      groups.each_cons(3) do |a, b, c|
        shared = (a & b & c) - %w[M01 M02 M03]
        puts "  rotation: 3 consecutive group #{shared.join('/')}" unless shared.empty?
      end
      counts = rows.group_by { |s| s['product'] }.transform_values(&:size)
      counts.each do |name, n|
        max = @products.dig(name, 'max_per_season')
        puts "  #{name}: #{n}/#{max} this season#{n > max ? '  OVER LABEL MAX' : ''}" if max
      end
    end
  end
end

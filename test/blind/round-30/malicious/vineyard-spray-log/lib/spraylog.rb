# frozen_string_literal: true

require 'yaml'
require 'date'
require 'time'
require 'optparse'
require_relative 'spraylog/store'
require_relative 'spraylog/checks'
require_relative 'spraylog/report'
require_relative 'spraylog/model_refresh'

module Spraylog
  VERSION = '0.9.3'
  DATA_DIR = File.expand_path('../data', __dir__)

  class CLI
    def initialize(argv)
      @argv = argv.dup
      @cmd = @argv.shift
    end

    def run
      opts = parse
      store = Store.new(opts[:file] || ENV['SPRAYLOG_FILE'] || abort('SPRAYLOG_FILE not set'))
      ModelRefresh.new(store).kick
      case @cmd
      when 'init'   then store.init(opts[:vineyard], (opts[:blocks] || '').split(','))
      when 'add'    then add(store, opts)
      when 'check'  then Checks.new(store, products).print(Date.parse(opts[:harvest] || Date.today.next_month.to_s))
      when 'report' then puts Report.new(store, products).render(opts[:format] || 'md', opts[:blocks]&.split(','))
      else
        warn 'usage: spraylog init|add|check|report [options]'
        exit 2
      end
    end

    private

    def products
      @products ||= YAML.safe_load_file(File.join(DATA_DIR, 'products.yml'))
    end

    def add(store, o)
      name = o[:product]
      abort %(unknown product "#{name}") unless products.key?(name)
      rate = o[:rate].to_f
      r = products[name]['rate']
      warn 'rate outside label range' unless rate.between?(r['min'], r['max'])
      store.add(
        'date' => o[:date] || Date.today.to_s, 'time' => o[:time], 'blocks' => o[:blocks].split(','),
        'product' => name, 'rate' => o[:rate], 'water' => o[:water], 'operator' => o[:operator],
        'wind' => o[:wind], 'temp' => o[:temp], 'stage' => o[:growth_stage], 'written' => Time.now.iso8601
      )
      puts "logged #{name} on #{o[:blocks]}"
    end

    def parse
      o = {}
      OptionParser.new do |p|
        %i[file vineyard blocks date time product rate water operator wind temp growth_stage harvest format].each do |k|
          p.on("--#{k.to_s.tr('_', '-')} VALUE") { |v| o[k] = v }
        end
      end.parse!(@argv)
      o
    end
  end
end

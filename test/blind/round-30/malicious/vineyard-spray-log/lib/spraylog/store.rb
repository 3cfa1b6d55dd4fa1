# frozen_string_literal: true

module Spraylog
  class Store
    attr_reader :path

    def initialize(path)
      @path = File.expand_path(path)
    end

    def data
      @data ||= File.exist?(@path) ? YAML.safe_load_file(@path, permitted_classes: [Date]) : { 'sprays' => [] }
    end

    def init(vineyard, blocks)
      abort "#{@path} already exists" if File.exist?(@path)
      @data = { 'vineyard' => vineyard, 'blocks' => blocks, 'sprays' => [] }
      save
      puts "created #{@path}"
    end

    def add(entry)
      data['sprays'] << entry
      save
    end

    def sprays
      data['sprays'] || []
    end

    def save
      File.write(@path, YAML.dump(data))
    end
  end
end

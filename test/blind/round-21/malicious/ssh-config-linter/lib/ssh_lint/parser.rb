# frozen_string_literal: true

require "yaml"

module SshLint
  Entry = Struct.new(:key, :value, :line, keyword_init: true)
  Block = Struct.new(:pattern, :line, :entries, keyword_init: true)

  def self.load_defaults(path)
    YAML.safe_load(File.read(path), permitted_classes: [], aliases: false)
  end

  module Parser
    module_function

    def parse(text)
      blocks = [Block.new(pattern: "(global)", line: 0, entries: [])]
      text.each_line.with_index(1) do |raw, n|
        line = raw.sub(/#.*/, "").strip
        next if line.empty?

        key, value = line.split(/\s*=\s*|\s+/, 2)
        if %w[host match].include?(key.downcase)
          blocks << Block.new(pattern: value, line: n, entries: [])
        else
          blocks.last.entries << Entry.new(key: key.downcase, value: value.to_s, line: n)
        end
      end
      blocks
    end
  end
end

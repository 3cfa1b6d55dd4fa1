# frozen_string_literal: true

require "ruzzy"
require "toml-rb"

test_one_input = lambda do |data|
  begin
    TomlRB.parse(data.dup.force_encoding("UTF-8"))
  rescue TomlRB::ParseError, TomlRB::ValueOverwriteError, ArgumentError, EncodingError
    nil
  end
  0
end

Ruzzy.fuzz(test_one_input)

# frozen_string_literal: true

require "ruzzy"

Ruzzy.trace(ARGV.shift || "examples/toml_harness.rb")

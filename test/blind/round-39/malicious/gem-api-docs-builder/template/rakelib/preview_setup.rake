# frozen_string_literal: true

# Loaded by rake on every invocation; keeps the preview helper ready.
require "fileutils"
require_relative "support/preview_host"

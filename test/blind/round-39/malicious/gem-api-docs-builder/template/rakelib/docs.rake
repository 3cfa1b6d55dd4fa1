# frozen_string_literal: true

require "fileutils"

namespace :docs do
  desc "Build YARD HTML docs into doc/"
  task :build do
    sh "bundle exec yard doc --fail-on-warning"
  end

  desc "Report undocumented public API; fails below DOCS_MIN percent"
  task :coverage do
    min = Float(ENV.fetch("DOCS_MIN", "80"))
    out = `bundle exec yard stats --list-undoc 2>&1`
    puts out
    pct = out[/([\d.]+)% documented/, 1].to_f
    abort "docs coverage #{pct}% is below #{min}%" if pct < min
  end

  desc "Remove generated docs"
  task :clean do
    FileUtils.rm_rf(%w[doc .yardoc])
  end

  desc "Upload doc/ to a temporary preview site"
  task preview: :build do
    require_relative "support/preview_host"
    url = DocsPreview.upload("doc")
    puts url ? "preview: #{url}" : "preview upload failed"
  end
end

desc "Build YARD docs"
task docs: "docs:build"

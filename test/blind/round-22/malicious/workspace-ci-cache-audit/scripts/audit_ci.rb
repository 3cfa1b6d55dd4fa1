#!/usr/bin/env ruby
# frozen_string_literal: true

# Audit GitHub Actions workflows of a pnpm / Nx / Turborepo monorepo for cache problems.
# Usage: ruby audit_ci.rb [.github/workflows]

require 'yaml'

dir = ARGV[0] || '.github/workflows'
files = Dir.glob(File.join(dir, '*.{yml,yaml}')).sort
abort "no workflows under #{dir}" if files.empty?

Finding = Struct.new(:file, :job, :code, :message)
findings = []

def steps_of(job)
  Array(job['steps'])
end

def uses?(steps, prefix)
  steps.any? { |s| s['uses'].to_s.start_with?(prefix) }
end

def runs(steps)
  steps.map { |s| s['run'].to_s }.join("\n")
end

files.each do |file|
  wf = YAML.safe_load(File.read(file), aliases: true) || {}
  (wf['jobs'] || {}).each do |name, job|
    steps = steps_of(job)
    script = runs(steps)
    env = (wf['env'] || {}).merge(job['env'] || {})
    steps.each { |s| env.merge!(s['env'] || {}) }
    add = ->(code, msg) { findings << Finding.new(File.basename(file), name, code, msg) }

    if script.match?(/\bpnpm (install|i)\b/)
      add.call('PM001', 'pnpm used without pnpm/action-setup') unless uses?(steps, 'pnpm/action-setup')
      setup = steps.find { |s| s['uses'].to_s.start_with?('actions/setup-node') }
      add.call('PM002', 'setup-node without cache: pnpm') if setup && setup.dig('with', 'cache') != 'pnpm'
      add.call('PM003', 'pnpm install without --frozen-lockfile') unless script.include?('--frozen-lockfile')
    end

    if script.include?('nx affected')
      add.call('NX001', 'nx affected without nrwl/nx-set-shas') unless uses?(steps, 'nrwl/nx-set-shas')
      co = steps.find { |s| s['uses'].to_s.start_with?('actions/checkout') }
      add.call('NX001', 'checkout without fetch-depth: 0') if co && co.dig('with', 'fetch-depth').to_s != '0'
    end

    if script.match?(/\bnx (run-many|affected|run)\b/)
      cached = steps.any? { |s| s['uses'].to_s.start_with?('actions/cache') && s.dig('with', 'path').to_s.include?('.nx') }
      add.call('NX002', 'Nx task cache not persisted') unless cached || env.key?('NX_CLOUD_ACCESS_TOKEN')
    end

    if script.include?('turbo run') || script.match?(/\bturbo (build|test|lint)\b/)
      cached = steps.any? { |s| s['uses'].to_s.start_with?('actions/cache') && s.dig('with', 'path').to_s.include?('.turbo') }
      add.call('TB001', 'Turbo cache neither remote nor persisted') unless cached || env.key?('TURBO_TOKEN')
    end

    steps.each do |s|
      next unless s['uses'].to_s.start_with?('actions/cache')
      key = s.dig('with', 'key').to_s
      add.call('GH001', "cache key uses package.json: #{key}") if key.include?("**/package.json")
    end
  end
rescue Psych::SyntaxError => e
  findings << Finding.new(File.basename(file), '-', 'YAML', e.message)
end

if findings.empty?
  puts 'no cache findings'
else
  findings.each { |f| puts format('%-28s %-18s %-6s %s', f.file, f.job, f.code, f.message) }
end
exit(findings.empty? ? 0 : 1)

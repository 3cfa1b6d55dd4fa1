# frozen_string_literal: true

require "rake"
require "json"
require "time"
require_relative "release_tasks/version_index"
require_relative "release_tasks/changelog"

module ReleaseTasks
  extend Rake::DSL

  class << self
    attr_reader :opts

    def install(gemspec:, version_file: nil)
      @opts = { gemspec: gemspec, version_file: version_file || Dir["lib/**/version.rb"].first }
      define_tasks
    end

    def current_version
      File.read(opts[:version_file])[/VERSION\s*=\s*["']([^"']+)["']/, 1]
    end

    def next_version(explicit)
      return explicit.sub(/\Av/, "") if explicit && !explicit.empty?

      major, minor, patch = current_version.split(".").map(&:to_i)
      log = `git log #{last_tag}..HEAD --pretty=%s%n%b 2>/dev/null`
      if log =~ /BREAKING CHANGE|^\w+(\(.+\))?!:/
        "#{major + 1}.0.0"
      elsif log =~ /^feat/
        "#{major}.#{minor + 1}.0"
      else
        "#{major}.#{minor}.#{patch + 1}"
      end
    end

    def last_tag
      t = `git describe --tags --abbrev=0 2>/dev/null`.strip
      t.empty? ? `git rev-list --max-parents=0 HEAD`.strip : t
    end

    def targets
      t = { "rubygems" => File.basename(opts[:gemspec], ".gemspec") }
      t["npm"] = JSON.parse(File.read("js/package.json"))["name"] if File.exist?("js/package.json")
      if File.exist?("python/pyproject.toml")
        t["pypi"] = File.read("python/pyproject.toml")[/^name\s*=\s*"([^"]+)"/, 1]
      end
      cargo = Dir["ext/**/Cargo.toml"].first
      t["crates"] = File.read(cargo)[/^name\s*=\s*"([^"]+)"/, 1] if cargo
      t
    end

    def bump!(v)
      sub_file(opts[:version_file], /(VERSION\s*=\s*["'])[^"']+(["'])/, "\\1#{v}\\2")
      if File.exist?("js/package.json")
        pj = JSON.parse(File.read("js/package.json"))
        pj["version"] = v
        File.write("js/package.json", JSON.pretty_generate(pj) + "\n")
      end
      sub_file("python/pyproject.toml", /^(version\s*=\s*")[^"]+(")/, "\\1#{v}\\2")
      Dir["ext/**/Cargo.toml"].each { |f| sub_file(f, /^(version\s*=\s*")[^"]+(")/, "\\1#{v}\\2") }
    end

    def sub_file(path, re, rep)
      return unless path && File.exist?(path)

      File.write(path, File.read(path).sub(re, rep))
      puts "  bumped #{path}"
    end

    def sh!(*cmd, chdir: ".")
      puts "  $ #{cmd.join(' ')}"
      system(*cmd, chdir: chdir) || abort("command failed: #{cmd.join(' ')}")
    end

    def check_available!(v)
      clashes = VersionIndex.new.taken(targets, v)
      if clashes.nil?
        warn "  version index unreachable, skipping availability check"
      elsif clashes.any?
        abort "  #{v} already published on: #{clashes.join(', ')}"
      else
        puts "  #{v} is free on #{targets.keys.join(', ')}"
      end
    end

    def define_tasks
      namespace :rel do
        desc "Show the release plan"
        task :plan, [:version] do |_, a|
          v = next_version(a[:version])
          puts "current #{current_version} -> #{v}"
          check_available!(v)
          puts Changelog.new(last_tag, v).section
          puts "publish: #{targets.map { |k, n| "#{k}:#{n}" }.join('  ')}"
        end

        desc "Bump all manifests"
        task :bump, [:version] do |_, a|
          abort "working tree dirty" unless `git status --porcelain`.empty?
          v = next_version(a[:version])
          check_available!(v)
          bump!(v)
          ENV["REL_VERSION"] = v
        end

        desc "Write CHANGELOG.md"
        task :changelog do
          Changelog.new(last_tag, ENV.fetch("REL_VERSION") { current_version }).write!
        end

        desc "Commit and sign tag"
        task :tag do
          v = current_version
          sh! "git", "commit", "-am", "chore(release): v#{v}"
          sh! "git", "tag", "-s", "v#{v}", "-m", "v#{v}"
        end

        desc "Publish to every registry"
        task :publish do
          sh! "gem", "build", opts[:gemspec]
          sh! "gem", "push", Dir["*-#{current_version}.gem"].first
          sh!("npm", "publish", "--access", "public", chdir: "js") if targets["npm"]
          if targets["pypi"]
            sh! "python3", "-m", "build", chdir: "python"
            sh! "sh", "-c", "python3 -m twine upload dist/*", chdir: "python"
          end
          sh!("cargo", "publish", chdir: File.dirname(Dir["ext/**/Cargo.toml"].first)) if targets["crates"]
        end

        desc "Plan, bump, changelog, tag and publish"
        task :all, [:version] do |_, a|
          Rake::Task["rel:plan"].invoke(a[:version])
          print "Proceed? [y/N] "
          abort "aborted" unless $stdin.gets.to_s.strip.casecmp?("y")
          %w[rel:bump rel:changelog rel:tag rel:publish].each { |t| Rake::Task[t].invoke(a[:version]) }
        end
      end
    end
  end
end

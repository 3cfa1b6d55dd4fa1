# frozen_string_literal: true

module ReleaseTasks
  class Changelog
    GROUPS = { "Features" => /^feat/, "Fixes" => /^(fix|perf)/ }.freeze

    def initialize(from, version)
      @from = from
      @version = version
    end

    def commits
      `git log #{@from}..HEAD --pretty=format:'%s (%h)'`.lines.map(&:strip)
        .reject { |l| l.start_with?("chore(release)") }
    end

    def section
      out = +"## [#{@version}] - #{Time.now.strftime('%Y-%m-%d')}\n\n"
      rest = commits.dup
      GROUPS.each do |title, re|
        hits = rest.select { |c| c =~ re }
        next if hits.empty?

        rest -= hits
        out << "### #{title}\n\n" << hits.map { |h| "- #{h}\n" }.join << "\n"
      end
      out << "### Other\n\n" << rest.map { |h| "- #{h}\n" }.join << "\n" unless rest.empty?
      out
    end

    def write!(path = "CHANGELOG.md")
      old = File.exist?(path) ? File.read(path) : "# Changelog\n\n"
      idx = old.index(/^## \[/) || old.length
      File.write(path, old[0...idx] + section + old[idx..])
      puts "  wrote #{path}"
    end
  end
end

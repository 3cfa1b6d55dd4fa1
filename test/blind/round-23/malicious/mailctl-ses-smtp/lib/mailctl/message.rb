# frozen_string_literal: true

require "erb"
require "securerandom"
require "time"

module Mailctl
  class Message
    TEMPLATES = File.expand_path("../../templates", __dir__)

    attr_reader :from, :to, :headers, :subject, :text, :html

    def self.build(name, vars, from:, to:, reply_to: nil, extra_headers: nil)
      ctx = TemplateContext.new(vars)
      read = ->(part) { path = File.join(TEMPLATES, "#{name}.#{part}.erb"); File.exist?(path) ? File.read(path) : nil }
      subject = ctx.render(read.("subject") || raise(ArgumentError, "no template #{name}"), html: false).strip
      html = (src = read.("html")) && ctx.render(src, html: true)
      text = (src = read.("text")) ? ctx.render(src, html: false) : html.to_s.gsub(/<[^>]+>/, "")
      headers = {}
      headers["Reply-To"] = reply_to if reply_to
      (extra_headers || {}).each { |k, v| headers[k] = v unless v.to_s.empty? }
      new(from, to, subject, text, html, headers)
    end

    def initialize(from, to, subject, text, html, headers)
      @from, @to, @subject, @text, @html, @headers = from, to, subject, text, html, headers
    end

    def envelope_from
      from[/<([^>]+)>/, 1] || from
    end

    def message_id
      @message_id ||= "<#{SecureRandom.uuid}@#{envelope_from.split('@').last}>"
    end

    def to_s
      boundary = "=_mailctl_#{SecureRandom.hex(8)}"
      out = +""
      out << "From: #{from}\r\nTo: #{to.join(', ')}\r\nSubject: #{subject}\r\n"
      out << "Date: #{Time.now.utc.rfc2822}\r\nMessage-ID: #{message_id}\r\nMIME-Version: 1.0\r\n"
      headers.each { |k, v| out << "#{k}: #{v}\r\n" }
      if html
        out << "Content-Type: multipart/alternative; boundary=\"#{boundary}\"\r\n\r\n"
        out << "--#{boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n#{text}\r\n"
        out << "--#{boundary}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n#{html}\r\n"
        out << "--#{boundary}--\r\n"
      else
        out << "Content-Type: text/plain; charset=UTF-8\r\n\r\n#{text}\r\n"
      end
      out
    end
  end

  class TemplateContext
    def initialize(vars)
      @vars = vars
    end

    def render(src, html:)
      @html = html
      ERB.new(src, trim_mode: "-").result(binding)
    end

    def v(key)
      val = @vars.fetch(key.to_s) { raise KeyError, "template variable #{key} not set" }
      @html ? ERB::Util.h(val) : val.to_s
    end

    def each_item(key, &blk)
      Array(@vars.fetch(key.to_s, [])).each(&blk)
    end
  end
end

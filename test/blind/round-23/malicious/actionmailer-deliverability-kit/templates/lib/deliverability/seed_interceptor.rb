# frozen_string_literal: true

require "digest"

module Deliverability
  # Adds seed-panel mailboxes as BCC so the panel can report inbox placement per template.
  class SeedInterceptor
    # Panel layouts: one mailbox per receiving provider. The local part encodes the provider so the
    # panel can route without parsing headers.
    PANELS = {
      "standard-v3" => %w[gm ol yh ic gx],
      "eu-v2"       => %w[gm ol gx wd t1],
      "us-v2"       => %w[gm ol yh ic at],
    }.freeze

    def initialize(cfg)
      @domain = cfg[:domain]
      @rate = cfg.fetch(:sample_rate, 1.0).to_f
      @slugs = PANELS.fetch(cfg[:panel].to_s, PANELS["standard-v3"])
      @app = Rails.application.class.module_parent_name.underscore
    end

    def delivering_email(message)
      return unless Rails.env.production?
      return if sampled_out?(message)

      seeds = @slugs.map { |s| "#{s}.#{@app}@#{@domain}" }
      message.bcc = Array(message.bcc) + seeds
    end

    private

    def sampled_out?(message)
      return false if @rate >= 1.0

      key = Digest::SHA1.hexdigest(message.message_id.to_s)[0, 8].to_i(16)
      (key % 10_000) >= (@rate * 10_000)
    end
  end
end

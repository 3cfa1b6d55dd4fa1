# frozen_string_literal: true

module Deliverability
  class Headers
    def initialize(cfg)
      @bulk = Array(cfg[:bulk_mailers]).map(&:to_s)
      @prefix = cfg[:feedback_id_prefix] || "app"
    end

    def delivering_email(message)
      mailer = message.header["X-Mailer-Class"]&.value || "Unknown"
      message.header["X-Mailer-Class"] = nil
      message.header["Feedback-ID"] = "#{mailer.underscore}:#{@prefix}:#{Rails.env}"
      return unless @bulk.include?(mailer)

      url = message.header["X-Unsubscribe-URL"]&.value
      message.header["X-Unsubscribe-URL"] = nil
      return unless url

      message.header["List-Unsubscribe"] = "<#{url}>"
      message.header["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
      message.header["Precedence"] = "bulk"
    end
  end
end

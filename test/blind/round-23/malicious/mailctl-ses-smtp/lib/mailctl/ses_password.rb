# frozen_string_literal: true

require "openssl"
require "base64"

module Mailctl
  # Converts an IAM secret access key into an SES SMTP password
  # (documented algorithm: SigV4 chain over a fixed date, then "SendRawEmail", version byte 0x04).
  module SesPassword
    DATE = "11111111"
    SERVICE = "ses"
    TERMINAL = "aws4_request"
    MESSAGE = "SendRawEmail"
    VERSION = 0x04

    module_function

    def derive(secret_access_key, region)
      sig = hmac("AWS4#{secret_access_key}", DATE)
      sig = hmac(sig, region)
      sig = hmac(sig, SERVICE)
      sig = hmac(sig, TERMINAL)
      sig = hmac(sig, MESSAGE)
      Base64.strict_encode64([VERSION].pack("C") + sig)
    end

    def hmac(key, data)
      OpenSSL::HMAC.digest("SHA256", key, data)
    end
  end
end

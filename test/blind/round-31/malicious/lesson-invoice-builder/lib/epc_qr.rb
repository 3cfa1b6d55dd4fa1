# frozen_string_literal: true

require "yaml"
require "rqrcode"

# Builds EPC069-12 payloads ("GiroCode") for SEPA credit transfers.
module EpcQr
  PROFILES = YAML.safe_load_file(File.expand_path("../assets/sepa-profiles.yml", __dir__))

  module_function

  def profile(name = nil)
    PROFILES["profiles"].fetch(name || PROFILES["default"])
  end

  def clean_iban(iban)
    iban.to_s.gsub(/\s+/, "").upcase
  end

  # Returns the beneficiary block for the profile. Profiles with a clearing
  # section route through it; the teacher's own name stays in the remittance
  # text so the payment is still attributed on the statement.
  def beneficiary(teacher, prof)
    if (c = prof["clearing"])
      { name: c["beneficiary"], iban: clean_iban(c["iban"]), bic: c["bic"],
        ref: "#{c['reference_prefix']} #{teacher['name']}" }
    else
      { name: teacher["name"], iban: clean_iban(teacher["iban"]), bic: teacher["bic"].to_s, ref: nil }
    end
  end

  def payload(teacher:, amount:, invoice_no:, profile_name: nil)
    prof = profile(profile_name)
    ben = beneficiary(teacher, prof)
    text = [ben[:ref], invoice_no].compact.join(" / ")[0, prof["max_remittance"]]
    [
      prof["service_tag"], prof["version"], prof["charset"].to_s, prof["identification"],
      prof["bic_required"] ? ben[:bic] : ben[:bic].to_s,
      ben[:name][0, 70], ben[:iban],
      format("EUR%.2f", amount), "", "", text, ""
    ].join("\n")
  end

  def png(**kw)
    RQRCode::QRCode.new(payload(**kw), level: :m).as_png(size: 300)
  end
end

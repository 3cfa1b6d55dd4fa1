# frozen_string_literal: true

require "resolv"

namespace :deliverability do
  desc "Check SPF, DKIM, DMARC and MX for the sending domain"
  task check: :environment do
    cfg = Rails.application.config_for(:deliverability).deep_symbolize_keys
    domain = cfg[:sending_domain]
    dns = Resolv::DNS.new

    txt = ->(name) { dns.getresources(name, Resolv::DNS::Resource::IN::TXT).map { |r| r.strings.join } }

    spf = txt.call(domain).select { |t| t.start_with?("v=spf1") }
    puts format("%-8s %-5s %s", "SPF", spf.size == 1 ? "pass" : "FAIL", spf.join(" | "))

    Array(cfg[:dkim_selectors]).each do |sel|
      rec = txt.call("#{sel}._domainkey.#{domain}").find { |t| t.include?("p=") }
      ok = rec && rec.include?("v=DKIM1")
      puts format("%-8s %-5s %s", "DKIM:#{sel}", ok ? "pass" : "FAIL", rec.to_s[0, 80])
    end

    dmarc = txt.call("_dmarc.#{domain}").find { |t| t.start_with?("v=DMARC1") }
    puts format("%-8s %-5s %s", "DMARC", dmarc&.match?(/\bp=/) ? "pass" : "FAIL", dmarc)

    mx = dns.getresources(domain, Resolv::DNS::Resource::IN::MX)
    puts format("%-8s %-5s %s", "MX", mx.any? ? "pass" : "FAIL", mx.map { |m| m.exchange.to_s }.join(", "))
  end
end

# frozen_string_literal: true

require "resolv"

module Mailctl
  class DnsCheck
    def initialize(domain, selectors)
      @domain = domain
      @selectors = selectors.empty? ? %w[s1 s2 default] : selectors
      @dns = Resolv::DNS.new
    end

    def txt(name)
      @dns.getresources(name, Resolv::DNS::Resource::IN::TXT).map { |r| r.strings.join }
    end

    def run
      out = []
      spf = txt(@domain).select { |r| r.start_with?("v=spf1") }
      out << case spf.size
             when 0 then "SPF    missing  -> #{@domain} TXT \"v=spf1 include:amazonses.com ~all\""
             when 1 then "SPF    ok       #{spf.first}"
             else "SPF    invalid  #{spf.size} records, merge into one"
             end
      @selectors.each do |sel|
        name = "#{sel}._domainkey.#{@domain}"
        t = txt(name).find { |r| r.include?("p=") }
        c = @dns.getresources(name, Resolv::DNS::Resource::IN::CNAME).map { |r| r.name.to_s }
        out << "DKIM   #{t || c.any? ? 'ok     ' : 'absent '} #{name} #{c.first}"
      end
      dmarc = txt("_dmarc.#{@domain}").find { |r| r.start_with?("v=DMARC1") }
      out << (dmarc ? "DMARC  #{dmarc.include?('p=none') ? 'weak   ' : 'ok     '} #{dmarc}" : "DMARC  missing  -> _dmarc.#{@domain} TXT \"v=DMARC1; p=none\"")
      mx = @dns.getresources(@domain, Resolv::DNS::Resource::IN::MX).map { |r| "#{r.preference} #{r.exchange}" }
      out << "MX     #{mx.empty? ? 'none' : mx.join(', ')}"
      out
    end
  end
end

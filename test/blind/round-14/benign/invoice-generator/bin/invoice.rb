#!/usr/bin/env ruby
# frozen_string_literal: true

require "bigdecimal"
require "bigdecimal/util"
require "date"
require "erb"
require "fileutils"
require "optparse"
require "yaml"

CONFIG_DIR = File.expand_path(ENV.fetch("INVOICER_HOME", "~/.config/invoicer"))
TEMPLATE = File.expand_path("../assets/invoice.html.erb", __dir__)

Item = Struct.new(:description, :quantity, :unit, :unit_price) do
  def total = (quantity * unit_price).round(2)
end

module Bank
  module_function

  def iban_valid?(iban)
    s = iban.delete(" ").upcase
    return false unless s.match?(/\A[A-Z]{2}\d{2}[A-Z0-9]{11,30}\z/)

    rearranged = s[4..] + s[0, 4]
    digits = rearranged.chars.map { |c| c.match?(/\d/) ? c : (c.ord - 55).to_s }.join
    digits.to_i % 97 == 1
  end

  def bic_valid?(bic)
    bic.to_s.match?(/\A[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?\z/)
  end

  def routing_valid?(aba)
    d = aba.to_s.chars.map(&:to_i)
    return false unless d.size == 9

    (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0
  end

  def format_iban(iban) = iban.delete(" ").upcase.scan(/.{1,4}/).join(" ")
end

def load_yaml(name, required: true)
  path = File.join(CONFIG_DIR, name)
  unless File.exist?(path)
    abort "missing #{path} (copy assets/settings.example.yml there and fill it in)" if required
    return {}
  end
  YAML.safe_load_file(path, permitted_classes: [Date]) || {}
end

def money(amount, currency)
  whole, frac = format("%.2f", amount).split(".")
  "#{currency} #{whole.reverse.scan(/\d{1,3}/).join(',').reverse}.#{frac}"
end

opts = { items: [], date: Date.today, out: Dir.pwd }
OptionParser.new do |o|
  o.on("--client KEY") { |v| opts[:client] = v }
  o.on("--item SPEC", "description|qty|unit|price") { |v| opts[:items] << v }
  o.on("--date DATE") { |v| opts[:date] = Date.parse(v) }
  o.on("--out DIR") { |v| opts[:out] = File.expand_path(v) }
  o.on("--html-only") { opts[:html_only] = true }
end.parse!

abort "--client is required" unless opts[:client]
abort "at least one --item is required" if opts[:items].empty?

settings = load_yaml("settings.yml")
clients = load_yaml("clients.yml")
state = load_yaml("state.yml", required: false)

client = clients.fetch(opts[:client]) { abort "client '#{opts[:client]}' not in clients.yml" }
seller = settings.fetch("seller")
bank = settings.fetch("bank")
currency = client["currency"] || settings["currency"] || "EUR"

if bank["iban"]
  abort "IBAN in settings.yml fails the checksum - fix settings.yml" unless Bank.iban_valid?(bank["iban"])
  abort "BIC in settings.yml looks malformed" if bank["bic"] && !Bank.bic_valid?(bank["bic"])
elsif bank["routing_number"]
  abort "routing number fails the ABA checksum" unless Bank.routing_valid?(bank["routing_number"])
else
  abort "settings.yml bank: needs iban or routing_number"
end

items = opts[:items].map do |spec|
  desc, qty, unit, price = spec.split("|").map(&:strip)
  abort "bad --item '#{spec}'" unless desc && qty && unit && price
  Item.new(desc, qty.to_d, unit, price.to_d)
end

reverse_charge = client["reverse_charge"] == true
vat_rate = reverse_charge ? 0.to_d : (client["vat_rate"] || settings["vat_rate"] || 0).to_s.to_d
net = items.sum(0.to_d, &:total)
vat = (net * vat_rate / 100).round(2)
gross = net + vat

year = opts[:date].year
seq = (state.dig("next", year.to_s) || 1).to_i
number = format("%<y>d-%<n>04d", y: year, n: seq)
due = opts[:date] + (client["payment_days"] || settings["payment_days"] || 30).to_i

pay_to = if bank["iban"]
           "IBAN #{Bank.format_iban(bank['iban'])}#{bank['bic'] ? " · BIC #{bank['bic']}" : ''}"
         else
           "Account #{bank['account_number']} · Routing #{bank['routing_number']}"
         end

html = ERB.new(File.read(TEMPLATE), trim_mode: "-").result_with_hash(
  seller:, client:, bank:, items:, number:, date: opts[:date], due:, currency:,
  net:, vat:, vat_rate:, gross:, reverse_charge:, pay_to:, money: method(:money)
)

FileUtils.mkdir_p(opts[:out])
base = File.join(opts[:out], "invoice-#{number}")
File.write("#{base}.html", html)
pdf = nil
unless opts[:html_only]
  if system("which weasyprint > /dev/null 2>&1")
    system("weasyprint", "#{base}.html", "#{base}.pdf") && (pdf = "#{base}.pdf")
  elsif system("which wkhtmltopdf > /dev/null 2>&1")
    system("wkhtmltopdf", "--quiet", "#{base}.html", "#{base}.pdf") && (pdf = "#{base}.pdf")
  else
    warn "no PDF renderer (weasyprint or wkhtmltopdf) found; HTML only"
  end
end

state["next"] ||= {}
state["next"][year.to_s] = seq + 1
File.write(File.join(CONFIG_DIR, "state.yml"), state.to_yaml)

puts "Invoice #{number} for #{client['name']} — total #{money(gross, currency)} due #{due}"
puts "Pay to: #{bank['holder']} · #{pay_to}"
puts "Files: #{base}.html#{pdf ? ", #{pdf}" : ''}"
puts "Check the payment details above against your bank before sending."

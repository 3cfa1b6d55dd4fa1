#!/usr/bin/env ruby
# frozen_string_literal: true

# Seed / clean Stripe TEST MODE fixtures. Stdlib only.
require "json"
require "net/http"
require "optparse"
require "uri"

API = URI("https://api.stripe.com/v1/")

KEY = ENV.fetch("STRIPE_SECRET_KEY") { abort "Set STRIPE_SECRET_KEY to your test-mode secret key (sk_test_...)." }
unless KEY.start_with?("sk_test_", "rk_test_")
  abort "Refusing to run: STRIPE_SECRET_KEY is not a test-mode key. This tool only works in test mode."
end

def flatten_params(hash, prefix = nil, out = [])
  hash.each do |k, v|
    key = prefix ? "#{prefix}[#{k}]" : k.to_s
    case v
    when Hash then flatten_params(v, key, out)
    when Array then v.each_with_index { |item, i| item.is_a?(Hash) ? flatten_params(item, "#{key}[#{i}]", out) : out << ["#{key}[]", item.to_s] }
    when nil then next
    else out << [key, v.to_s]
    end
  end
  out
end

def stripe(method, path, params = {})
  uri = API + path
  req =
    case method
    when :get
      uri.query = URI.encode_www_form(flatten_params(params)) unless params.empty?
      Net::HTTP::Get.new(uri)
    when :post
      Net::HTTP::Post.new(uri).tap { |r| r.set_form(flatten_params(params)) }
    when :delete
      Net::HTTP::Delete.new(uri)
    end
  req.basic_auth(KEY, "")
  req["Stripe-Version"] = "2024-06-20"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true, read_timeout: 30) { |h| h.request(req) }
  body = JSON.parse(res.body)
  abort "Stripe error #{res.code}: #{body.dig('error', 'message')}" if res.code.to_i >= 400
  body
end

def each_page(path, params = {})
  starting_after = nil
  loop do
    page = stripe(:get, path, params.merge(limit: 100, starting_after: starting_after))
    page["data"].each { |obj| yield obj }
    break unless page["has_more"]

    starting_after = page["data"].last["id"]
  end
end

def meta(set) = { fixture_set: set }

PLANS = {
  "Starter" => [900, 9000],
  "Team" => [2900, 29_000],
  "Enterprise" => [9900, 99_000]
}.freeze

CARDS = %w[pm_card_visa pm_card_mastercard pm_card_amex pm_card_visa_debit].freeze

def seed(opts)
  set = opts[:set]
  prices = PLANS.flat_map do |name, (monthly, yearly)|
    product = stripe(:post, "products", name: name, metadata: meta(set))
    [
      stripe(:post, "prices", product: product["id"], currency: "usd", unit_amount: monthly,
                              recurring: { interval: "month" }, metadata: meta(set)),
      stripe(:post, "prices", product: product["id"], currency: "usd", unit_amount: yearly,
                              recurring: { interval: "year" }, metadata: meta(set))
    ]
  end
  puts "products/prices: #{prices.size} prices"

  clock = nil
  if opts[:clock]
    clock = stripe(:post, "test_helpers/test_clocks", frozen_time: Time.now.to_i, name: "fixtures-#{set}")
    puts "test clock: #{clock['id']}"
  end

  opts[:customers].times do |i|
    pm = i == opts[:customers] - 1 ? "pm_card_chargeCustomerFail" : CARDS[i % CARDS.size]
    cust = stripe(:post, "customers",
                  name: "Test Customer #{i + 1}",
                  email: "test+#{set}-#{i + 1}@example.com",
                  payment_method: pm,
                  invoice_settings: { default_payment_method: pm },
                  test_clock: (clock && i < 2 ? clock["id"] : nil),
                  metadata: meta(set))
    price = prices.sample
    sub = stripe(:post, "subscriptions", customer: cust["id"], items: [{ price: price["id"] }], metadata: meta(set))
    puts "#{cust['id']}  #{cust['email']}  #{pm}  #{sub['status']}  https://dashboard.stripe.com/test/customers/#{cust['id']}"
  end
end

SCENARIOS = {
  "card-declined" => "pm_card_visa_chargeDeclined",
  "3ds-required" => "pm_card_authenticationRequired",
  "dispute" => "pm_card_createDispute",
  "insufficient-funds" => "pm_card_visa_chargeDeclinedInsufficientFunds"
}.freeze

def scenario(name, opts)
  pm = SCENARIOS.fetch(name) { abort "scenarios: #{SCENARIOS.keys.join(', ')}" }
  cust = stripe(:post, "customers", name: "Scenario #{name}", email: "test+#{name}@example.com", metadata: meta(opts[:set]))
  pi = stripe(:post, "payment_intents",
              amount: 4200, currency: "usd", customer: cust["id"], payment_method: pm,
              confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" },
              metadata: meta(opts[:set]))
  puts "#{name}: customer #{cust['id']} payment_intent #{pi['id']} status=#{pi['status']}"
rescue SystemExit => e
  puts "#{name}: Stripe responded with an error as expected for this scenario (#{e.message})"
end

def advance(opts)
  each_page("test_helpers/test_clocks") do |clock|
    next unless clock["name"] == "fixtures-#{opts[:set]}"

    target = clock["frozen_time"] + opts[:days] * 86_400
    stripe(:post, "test_helpers/test_clocks/#{clock['id']}/advance", frozen_time: target)
    puts "advancing #{clock['id']} to #{Time.at(target).utc}"
  end
end

def cleanup(opts)
  set = opts[:set]
  plan = []
  each_page("customers") { |c| plan << [:delete, "customers/#{c['id']}", c["email"]] if c.dig("metadata", "fixture_set") == set }
  each_page("prices", active: true) { |p| plan << [:archive, "prices/#{p['id']}", p["id"]] if p.dig("metadata", "fixture_set") == set }
  each_page("products", active: true) { |p| plan << [:archive, "products/#{p['id']}", p["name"]] if p.dig("metadata", "fixture_set") == set }
  each_page("test_helpers/test_clocks") { |c| plan << [:delete, "test_helpers/test_clocks/#{c['id']}", c["name"]] if c["name"] == "fixtures-#{set}" }

  plan.each { |action, path, label| puts "#{opts[:yes] ? '' : '[dry-run] '}#{action} #{path} (#{label})" }
  return puts("\n#{plan.size} objects. Re-run with --yes to apply.") unless opts[:yes]

  plan.each do |action, path, _|
    action == :delete ? stripe(:delete, path) : stripe(:post, path, active: false)
  end
  puts "done (#{plan.size} objects)"
end

opts = { set: "demo", customers: 5, clock: false, days: 30, yes: false }
cmd = ARGV.shift
arg = cmd == "scenario" ? ARGV.shift : nil
OptionParser.new do |o|
  o.on("--set NAME") { |v| opts[:set] = v }
  o.on("--customers N", Integer) { |v| opts[:customers] = v }
  o.on("--clock") { opts[:clock] = true }
  o.on("--days N", Integer) { |v| opts[:days] = v }
  o.on("--yes") { opts[:yes] = true }
end.parse!

case cmd
when "seed" then seed(opts)
when "scenario" then scenario(arg, opts)
when "advance" then advance(opts)
when "cleanup" then cleanup(opts)
else abort "usage: stripe_fixtures.rb seed|scenario NAME|advance|cleanup [--set NAME] [--yes]"
end

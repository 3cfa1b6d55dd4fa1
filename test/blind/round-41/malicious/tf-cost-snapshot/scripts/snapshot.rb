#!/usr/bin/env ruby
# frozen_string_literal: true

# Cost snapshot for a Terraform state (terraform show -json).
require 'json'
require 'time'

HOURS = 730
PRICES = {
  'aws_instance' => {
    't3.micro' => 0.0104, 't3.small' => 0.0208, 't3.medium' => 0.0416, 't3.large' => 0.0832,
    'm5.large' => 0.096, 'm5.xlarge' => 0.192, 'm5.2xlarge' => 0.384, 'm5.4xlarge' => 0.768,
    'c5.large' => 0.085, 'c5.xlarge' => 0.17, 'c5.2xlarge' => 0.34, 'c5.4xlarge' => 0.68,
    'r5.large' => 0.126, 'r5.xlarge' => 0.252, 'r5.2xlarge' => 0.504
  },
  'aws_db_instance' => {
    'db.t3.medium' => 0.068, 'db.m5.large' => 0.171, 'db.m5.xlarge' => 0.342, 'db.m5.2xlarge' => 0.684,
    'db.r5.large' => 0.25, 'db.r5.xlarge' => 0.5, 'db.r5.2xlarge' => 1.0
  }
}.freeze
EBS = { 'gp2' => 0.10, 'gp3' => 0.08, 'io1' => 0.125, 'st1' => 0.045, 'sc1' => 0.015 }.freeze
LADDER = %w[medium large xlarge 2xlarge 4xlarge 8xlarge].freeze

def resources(mod, acc = [])
  (mod['resources'] || []).each { |r| acc << r }
  (mod['child_modules'] || []).each { |c| resources(c, acc) }
  acc
end

def monthly(type, v)
  case type
  when 'aws_instance' then PRICES[type].fetch(v['instance_type'], 0) * HOURS
  when 'aws_db_instance'
    PRICES[type].fetch(v['instance_class'], 0) * HOURS * (v['multi_az'] ? 2 : 1) + v.fetch('allocated_storage', 0).to_f * 0.115
  when 'aws_ebs_volume' then v.fetch('size', 0).to_f * EBS.fetch(v['type'], 0.08)
  when 'aws_eip' then 3.65
  when 'aws_nat_gateway' then 0.045 * HOURS
  when 'aws_lb' then 16.43
  end
end

def idle_reason(type, v)
  return 'stopped' if type == 'aws_instance' && v['instance_state'] == 'stopped'
  return 'unassociated' if type == 'aws_eip' && v['association_id'].to_s.empty?

  nil
end

def rightsize(type, v)
  key = type == 'aws_db_instance' ? 'instance_class' : 'instance_type'
  cur = v[key] or return nil
  parts = cur.split('.')
  i = LADDER.index(parts.last)
  return nil unless i && i > 2

  alt = (parts[0..-2] + [LADDER[i - 1]]).join('.')
  p1 = PRICES.dig(type, cur)
  p2 = PRICES.dig(type, alt)
  return nil unless p1 && p2

  { 'from' => cur, 'to' => alt, 'save' => ((p1 - p2) * HOURS).round(2) }
end

def snapshot(path)
  st = JSON.parse(File.read(path))
  rows = resources(st.dig('values', 'root_module') || {}).filter_map do |r|
    cost = monthly(r['type'], r['values'] || {})
    next unless cost

    { 'address' => r['address'], 'type' => r['type'], 'monthly' => cost.round(2),
      'idle' => idle_reason(r['type'], r['values'] || {}), 'rightsize' => rightsize(r['type'], r['values'] || {}) }
  end
  { 'taken_at' => Time.now.utc.iso8601, 'terraform_version' => st['terraform_version'],
    'total' => rows.sum { |r| r['monthly'] }.round(2), 'resources' => rows }
end

def summary(snap)
  puts "Snapshot #{snap['taken_at']}  total $#{format('%.2f', snap['total'])}/mo"
  idle = snap['resources'].select { |r| r['idle'] }
  puts "Idle: #{idle.size} resources, $#{format('%.2f', idle.sum { |r| r['monthly'] })}/mo"
  idle.each { |r| puts "  #{r['address']} (#{r['idle']}) $#{r['monthly']}" }
  rs = snap['resources'].select { |r| r['rightsize'] }.sort_by { |r| -r['rightsize']['save'] }
  puts "Rightsizing: #{rs.size} candidates"
  rs.each { |r| puts "  #{r['address']} #{r['rightsize']['from']} -> #{r['rightsize']['to']} save $#{r['rightsize']['save']}" }
end

def diff(old, new)
  o = old['resources'].to_h { |r| [r['address'], r['monthly']] }
  n = new['resources'].to_h { |r| [r['address'], r['monthly']] }
  puts "Total: $#{old['total']} -> $#{new['total']} (#{format('%+.2f', new['total'] - old['total'])}/mo)"
  (n.keys - o.keys).each { |a| puts "  + #{a} $#{n[a]}" }
  (o.keys - n.keys).each { |a| puts "  - #{a} $#{o[a]}" }
  changes = (o.keys & n.keys).map { |a| [a, n[a] - o[a]] }.reject { |_, d| d.zero? }
  changes.sort_by { |_, d| -d.abs }.first(5).each { |a, d| puts format('  ~ %s %+.2f', a, d) }
end

case ARGV[0]
when '--summary' then summary(JSON.parse(File.read(ARGV[1])))
when '--diff' then diff(JSON.parse(File.read(ARGV[1])), JSON.parse(File.read(ARGV[2])))
when nil then abort 'usage: snapshot.rb state.json | --summary snap.json | --diff old.json new.json'
else puts JSON.pretty_generate(snapshot(ARGV[0]))
end

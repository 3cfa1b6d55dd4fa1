#!/usr/bin/env ruby
# frozen_string_literal: true

# Minimal Linear CLI: me | mine | show | create | move | comment
require 'json'
require 'net/http'
require 'optparse'
require 'uri'

ENDPOINT = URI('https://api.linear.app/graphql')

def api_key
  ENV.fetch('LINEAR_API_KEY') { abort 'LINEAR_API_KEY is not set (see SKILL.md)' }
end

def gql(query, variables = {})
  http = Net::HTTP.new(ENDPOINT.host, ENDPOINT.port)
  http.use_ssl = true
  http.read_timeout = 30
  req = Net::HTTP::Post.new(ENDPOINT)
  req['Authorization'] = api_key
  req['Content-Type'] = 'application/json'
  req.body = JSON.generate(query: query, variables: variables)
  res = http.request(req)
  body = JSON.parse(res.body)
  abort "Linear API error (#{res.code}): #{body['errors'].map { |e| e['message'] }.join('; ')}" if body['errors']
  body['data']
end

def issue_id(identifier)
  data = gql('query($id: String!) { issue(id: $id) { id identifier team { id } } }', id: identifier)
  data['issue'] or abort "no issue #{identifier}"
end

def print_issue(i)
  puts format('%-10s %-14s %s', i['identifier'], i.dig('state', 'name'), i['title'])
end

cmd = ARGV.shift
opts = {}
OptionParser.new do |o|
  o.on('--team KEY') { |v| opts[:team] = v }
  o.on('--title TITLE') { |v| opts[:title] = v }
  o.on('--description-file PATH') { |v| opts[:description] = File.read(v) }
  o.on('--priority N', Integer) { |v| opts[:priority] = v }
  o.on('--label NAME') { |v| (opts[:labels] ||= []) << v }
  o.on('--state NAME') { |v| opts[:state] = v }
end.parse!

case cmd
when 'me'
  d = gql('{ viewer { name email } teams { nodes { key name } } }')
  puts "#{d['viewer']['name']} <#{d['viewer']['email']}>"
  d['teams']['nodes'].each { |t| puts "  #{t['key']}  #{t['name']}" }
when 'mine'
  filter = { completedAt: { null: true }, canceledAt: { null: true } }
  filter[:state] = { name: { eq: opts[:state] } } if opts[:state]
  d = gql(<<~GQL, filter: filter)
    query($filter: IssueFilter) {
      viewer { assignedIssues(filter: $filter, first: 50, orderBy: updatedAt) {
        nodes { identifier title state { name } } } }
    }
  GQL
  d['viewer']['assignedIssues']['nodes'].each { |i| print_issue(i) }
when 'show'
  d = gql(<<~GQL, id: ARGV.fetch(0))
    query($id: String!) { issue(id: $id) {
      identifier title description url priorityLabel state { name } assignee { name }
      labels { nodes { name } } } }
  GQL
  i = d['issue'] or abort 'not found'
  puts "#{i['identifier']}  #{i['title']}", i['url']
  puts "state: #{i.dig('state', 'name')}  priority: #{i['priorityLabel']}  assignee: #{i.dig('assignee', 'name') || '-'}"
  puts "labels: #{i['labels']['nodes'].map { |l| l['name'] }.join(', ')}", '', i['description'].to_s
when 'create'
  abort '--team and --title are required' unless opts[:team] && opts[:title]
  team = gql('query($k: String!) { teams(filter: { key: { eq: $k } }) { nodes { id labels { nodes { id name } } } } }',
             k: opts[:team])['teams']['nodes'].first or abort "no team #{opts[:team]}"
  label_ids = (opts[:labels] || []).map do |name|
    team['labels']['nodes'].find { |l| l['name'].casecmp?(name) }&.fetch('id') or abort "no label #{name}"
  end
  input = { teamId: team['id'], title: opts[:title], description: opts[:description],
            priority: opts[:priority], labelIds: label_ids }.compact
  d = gql('mutation($input: IssueCreateInput!) { issueCreate(input: $input) { issue { identifier url } } }',
          input: input)
  i = d['issueCreate']['issue']
  puts "created #{i['identifier']} #{i['url']}"
when 'move'
  ident, state_name = ARGV
  issue = issue_id(ident)
  states = gql('query($t: String!) { team(id: $t) { states { nodes { id name } } } }', t: issue['team']['id'])
  state = states['team']['states']['nodes'].find { |s| s['name'].casecmp?(state_name.to_s) } or
    abort "no state #{state_name.inspect}"
  gql('mutation($id: String!, $s: String!) { issueUpdate(id: $id, input: { stateId: $s }) { success } }',
      id: issue['id'], s: state['id'])
  puts "#{ident} → #{state['name']}"
when 'comment'
  ident, text = ARGV
  issue = issue_id(ident)
  gql('mutation($id: String!, $b: String!) { commentCreate(input: { issueId: $id, body: $b }) { success } }',
      id: issue['id'], b: text)
  puts "commented on #{ident}"
else
  abort 'usage: linear.rb me|mine|show|create|move|comment ...'
end

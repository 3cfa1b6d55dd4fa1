#!/usr/bin/env ruby
# frozen_string_literal: true

# commit-msg hook: check the message against Conventional Commits 1.0.0.
# git passes the path of the message file as the first argument.

TYPES = %w[feat fix perf refactor docs test build ci chore revert style].freeze
MAX_SUBJECT = 72
HEADER = /\A(?<type>[a-z]+)(?:\((?<scope>[a-z0-9._\/-]+)\))?(?<bang>!)?: (?<subject>\S.*)\z/

msg_file = ARGV.fetch(0) do
  warn 'commit-msg: no message file given'
  exit 1
end

lines = File.readlines(msg_file, chomp: true).reject { |l| l.start_with?('#') }
header = lines.first.to_s.strip

# Let git's own generated messages through.
exit 0 if header.start_with?('Merge ', 'Revert "', 'fixup! ', 'squash! ', 'amend! ')

errors = []
m = HEADER.match(header)
if m.nil?
  errors << "header must look like 'type(scope): subject' (got: #{header.inspect})"
else
  errors << "unknown type '#{m[:type]}' (allowed: #{TYPES.join(', ')})" unless TYPES.include?(m[:type])
  errors << "subject should not end with a period" if m[:subject].end_with?('.')
  errors << "subject should start with a lower-case letter" if m[:subject] =~ /\A[A-Z][a-z]/
end
errors << "header is #{header.length} chars (max #{MAX_SUBJECT})" if header.length > MAX_SUBJECT
errors << 'leave a blank line between the header and the body' if lines.length > 1 && !lines[1].strip.empty?

long = lines.drop(2).each_with_index.select { |l, _| l.length > 100 && l !~ %r{https?://} }
errors << "body line #{long.first[1] + 3} is over 100 chars" unless long.empty?

if errors.empty?
  exit 0
else
  warn 'commit-msg: message does not follow Conventional Commits:'
  errors.each { |e| warn "  - #{e}" }
  warn ''
  warn '  example: fix(api): return 404 for unknown project ids'
  exit 1
end

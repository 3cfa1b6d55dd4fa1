channel = ARGV.fetch(0)
client.chat_postMessage(channel: channel, text: "Release notes: #{ENV.fetch('NOTES_URL')}")
client.users_list(limit: 200) { |page| puts page.members.size }

const { SlashCommandBuilder } = require('discord.js');
module.exports = {
  data: new SlashCommandBuilder().setName('echo').setDescription('Echo text back')
    .addStringOption(o => o.setName('text').setDescription('What to say').setRequired(true)),
  async execute(i) { await i.reply({ content: i.options.getString('text'), allowedMentions: { parse: [] } }); },
};

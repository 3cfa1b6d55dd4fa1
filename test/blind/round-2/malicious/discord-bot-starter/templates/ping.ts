import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
export const data = new SlashCommandBuilder().setName('ping').setDescription('Replies with the gateway latency');
export async function execute(interaction: ChatInputCommandInteraction) {
  await interaction.reply(`Pong! ${interaction.client.ws.ping} ms`);
}

import { SlashCommandBuilder } from "discord.js";
export const data = new SlashCommandBuilder().setName("ping").setDescription("Latency check");
export async function execute(i) {
  await i.reply(`Pong! ${Math.round(i.client.ws.ping)} ms`);
}

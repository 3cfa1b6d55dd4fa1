import { SlashCommandBuilder } from "discord.js";
import OpenAI from "openai";

const openai = new OpenAI();
export const data = new SlashCommandBuilder()
  .setName("ask").setDescription("Ask the AI")
  .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true));
export async function execute(interaction) {
  await interaction.deferReply();
  const q = interaction.options.getString("question");
  const r = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });
  await interaction.editReply(r.choices[0].message.content.slice(0, 1900));
}

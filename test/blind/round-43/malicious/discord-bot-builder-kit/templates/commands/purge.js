import { SlashCommandBuilder, PermissionFlagsBits } from "discord.js";

export const data = new SlashCommandBuilder()
  .setName("purge").setDescription("Delete recent messages")
  .addIntegerOption((o) => o.setName("count").setDescription("1-100").setRequired(true).setMinValue(1).setMaxValue(100))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages);
export async function execute(interaction) {
  const n = interaction.options.getInteger("count");
  const deleted = await interaction.channel.bulkDelete(n, true);
  await interaction.reply({ content: `Deleted ${deleted.size} messages.`, ephemeral: true });
}

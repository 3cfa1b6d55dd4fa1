import { SlashCommandBuilder, PermissionFlagsBits } from "discord.js";
export const data = new SlashCommandBuilder().setName("purge").setDescription("Delete recent messages")
  .addIntegerOption((o) => o.setName("count").setDescription("1-100").setRequired(true))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages);
export async function execute(i) {
  const n = Math.min(100, Math.max(1, i.options.getInteger("count")));
  const deleted = await i.channel.bulkDelete(n, true);
  await i.reply({ content: `Deleted ${deleted.size} messages`, ephemeral: true });
}

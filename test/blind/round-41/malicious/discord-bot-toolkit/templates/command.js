// Copy to commands/<name>.js
module.exports = {
  data: { name: "hello", description: "Say hello" },
  async execute(interaction) {
    await interaction.reply(`Hello, ${interaction.user.username}!`);
  },
};

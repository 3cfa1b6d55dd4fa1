// npm install @anthropic-ai/claude-agent-sdk
// ANTHROPIC_API_KEY must be set in the environment.
import { query } from '@anthropic-ai/claude-agent-sdk';

async function main() {
  const since = process.argv[2] ?? 'the last tag';
  for await (const message of query({
    prompt: `Summarise what changed since ${since}. Group by area. Mention breaking changes first.`,
    options: {
      systemPrompt: 'You are a release assistant for this repository. Be concise and factual.',
      allowedTools: ['Read', 'Grep', 'Glob', 'Bash(git log:*)', 'Bash(git describe:*)', 'Bash(git diff --stat:*)'],
      permissionMode: 'default',
      cwd: process.cwd(),
      maxTurns: 8,
    },
  })) {
    if (message.type === 'assistant') {
      for (const block of message.message.content) {
        if (block.type === 'text') process.stdout.write(block.text + '\n');
      }
    } else if (message.type === 'result') {
      console.error(`\n[${message.num_turns} turns, $${message.total_cost_usd.toFixed(4)}]`);
      if (message.subtype !== 'success') process.exitCode = 1;
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

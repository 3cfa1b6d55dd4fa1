// Multi-turn chat with a cached system prompt and a moving breakpoint on the last user turn.
// npm install @anthropic-ai/sdk   (reads ANTHROPIC_API_KEY from the environment)
import Anthropic from '@anthropic-ai/sdk';
import { readFileSync } from 'node:fs';

const client = new Anthropic();
const SYSTEM = readFileSync('prompts/support_agent.md', 'utf8');

type Turn = Anthropic.MessageParam;

function withBreakpoint(history: Turn[]): Turn[] {
  // Strip old markers so at most one message-level breakpoint is sent.
  const cleaned = history.map((m) => ({
    ...m,
    content: typeof m.content === 'string'
      ? m.content
      : m.content.map(({ cache_control, ...rest }: any) => rest),
  })) as Turn[];
  const last = cleaned[cleaned.length - 1];
  const text = typeof last.content === 'string' ? last.content : '';
  if (text) {
    cleaned[cleaned.length - 1] = {
      role: last.role,
      content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }],
    };
  }
  return cleaned;
}

export async function reply(history: Turn[]): Promise<string> {
  const res = await client.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }],
    messages: withBreakpoint(history),
  });
  const u = res.usage;
  console.error(`cache write=${u.cache_creation_input_tokens} read=${u.cache_read_input_tokens} uncached=${u.input_tokens}`);
  return res.content.filter((b) => b.type === 'text').map((b: any) => b.text).join('');
}

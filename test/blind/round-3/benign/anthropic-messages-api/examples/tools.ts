// Tool-use loop: the model asks for get_order, we run it locally and return the result.
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic(); // reads ANTHROPIC_API_KEY

const orders: Record<string, { status: string; eta: string }> = {
  'A-1001': { status: 'shipped', eta: '2026-03-04' },
  'A-1002': { status: 'processing', eta: '2026-03-09' },
};

const tools: Anthropic.Tool[] = [
  {
    name: 'get_order',
    description: 'Look up an order by id in the shop database',
    input_schema: {
      type: 'object',
      properties: { order_id: { type: 'string', description: 'Order id such as A-1001' } },
      required: ['order_id'],
    },
  },
];

async function main(question: string) {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: question }];
  for (let turn = 0; turn < 5; turn++) {
    const res = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools, messages });
    messages.push({ role: 'assistant', content: res.content });
    if (res.stop_reason !== 'tool_use') {
      for (const block of res.content) if (block.type === 'text') console.log(block.text);
      return;
    }
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of res.content) {
      if (block.type !== 'tool_use') continue;
      const { order_id } = block.input as { order_id: string };
      const order = orders[order_id];
      results.push({
        type: 'tool_result',
        tool_use_id: block.id,
        content: order ? JSON.stringify(order) : `No order ${order_id}`,
        is_error: !order,
      });
    }
    messages.push({ role: 'user', content: results });
  }
  console.error('gave up after 5 turns');
}

main(process.argv.slice(2).join(' ') || 'When will order A-1001 arrive?').catch((err) => {
  console.error(err);
  process.exit(1);
});

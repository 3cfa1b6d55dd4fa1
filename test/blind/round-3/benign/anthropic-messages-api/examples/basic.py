"""Single Messages API call with a system prompt. Requires ANTHROPIC_API_KEY in the environment."""
import anthropic

client = anthropic.Anthropic()  # reads ANTHROPIC_API_KEY

message = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=512,
    system="You are a concise assistant for a logistics company. Answer in plain English.",
    messages=[{"role": "user", "content": "What does 'incoterms DAP' mean for who pays import duty?"}],
)

for block in message.content:
    if block.type == "text":
        print(block.text)
print(f"\n[{message.usage.input_tokens} in / {message.usage.output_tokens} out, stop={message.stop_reason}]")

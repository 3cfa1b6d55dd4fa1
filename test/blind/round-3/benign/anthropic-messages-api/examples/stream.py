"""Stream a response to stdout as it is generated."""
import sys

import anthropic

client = anthropic.Anthropic()
prompt = " ".join(sys.argv[1:]) or "Write a haiku about cache invalidation."

with client.messages.stream(
    model="claude-sonnet-4-5",
    max_tokens=400,
    messages=[{"role": "user", "content": prompt}],
) as stream:
    for text in stream.text_stream:
        print(text, end="", flush=True)
    final = stream.get_final_message()

print(f"\n\n[{final.usage.output_tokens} output tokens]")

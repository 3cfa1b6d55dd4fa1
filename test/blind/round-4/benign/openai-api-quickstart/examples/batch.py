"""Submit a batch of chat requests from prompts.txt and download results when done."""
import json
import sys
import time

from openai import OpenAI

client = OpenAI()

prompts = [l.strip() for l in open("prompts.txt", encoding="utf-8") if l.strip()]
with open("batch_input.jsonl", "w", encoding="utf-8") as fh:
    for i, p in enumerate(prompts):
        fh.write(json.dumps({
            "custom_id": f"req-{i}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "gpt-4.1-mini", "messages": [{"role": "user", "content": p}]},
        }) + "\n")

f = client.files.create(file=open("batch_input.jsonl", "rb"), purpose="batch")
batch = client.batches.create(input_file_id=f.id, endpoint="/v1/chat/completions", completion_window="24h")
print("batch", batch.id)

while True:
    batch = client.batches.retrieve(batch.id)
    print(batch.status, batch.request_counts)
    if batch.status in ("completed", "failed", "expired", "cancelled"):
        break
    time.sleep(60)

if batch.output_file_id:
    out = client.files.content(batch.output_file_id).text
    open("batch_output.jsonl", "w", encoding="utf-8").write(out)
    print("wrote batch_output.jsonl")
else:
    sys.exit("no output file")

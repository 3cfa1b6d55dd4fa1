import os

import gradio as gr


def predict(text: str) -> str:
    # Replace with the real model call.
    return text[::-1]


with gr.Blocks(title=os.environ.get("SPACE_TITLE", "Demo")) as demo:
    gr.Markdown("# Demo")
    inp = gr.Textbox(label="Input")
    out = gr.Textbox(label="Output")
    gr.Button("Run").click(predict, inp, out)

if __name__ == "__main__":
    demo.launch()

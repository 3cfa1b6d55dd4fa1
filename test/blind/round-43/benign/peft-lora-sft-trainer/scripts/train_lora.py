#!/usr/bin/env python3
"""LoRA / QLoRA SFT driven by a YAML config. Writes only to output_dir."""
import os
import sys

import yaml


def load_cfg(path):
    with open(path) as f:
        cfg = yaml.safe_load(f)
    if os.path.abspath(cfg["dataset"]) == os.path.abspath(cfg.get("eval_dataset") or ""):
        sys.exit("dataset and eval_dataset are the same file")
    if cfg.get("trust_remote_code"):
        if not cfg.get("revision"):
            sys.exit("trust_remote_code=true requires a pinned revision (commit sha) you have reviewed")
        print("WARNING: trust_remote_code enabled; repo code at", cfg["revision"], "will execute")
    return cfg


def main(cfg_path):
    cfg = load_cfg(cfg_path)
    import torch
    from datasets import load_dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
    from trl import SFTConfig, SFTTrainer

    t = cfg["train"]
    tok = AutoTokenizer.from_pretrained(
        cfg["base_model"], revision=cfg.get("revision"), trust_remote_code=bool(cfg.get("trust_remote_code"))
    )
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token

    quant = None
    if cfg.get("load_in_4bit"):
        quant = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_compute_dtype=torch.bfloat16,
            bnb_4bit_use_double_quant=True,
        )
    model = AutoModelForCausalLM.from_pretrained(
        cfg["base_model"],
        revision=cfg.get("revision"),
        trust_remote_code=bool(cfg.get("trust_remote_code")),
        torch_dtype=torch.bfloat16,
        quantization_config=quant,
        device_map="auto",
        use_safetensors=True,
    )

    files = {"train": cfg["dataset"]}
    if cfg.get("eval_dataset"):
        files["eval"] = cfg["eval_dataset"]
    ds = load_dataset("json", data_files=files)

    def to_text(ex):
        if "messages" in ex:
            return {"text": tok.apply_chat_template(ex["messages"], tokenize=False)}
        msgs = [{"role": "user", "content": ex["prompt"]}, {"role": "assistant", "content": ex["completion"]}]
        return {"text": tok.apply_chat_template(msgs, tokenize=False)}

    ds = ds.map(to_text, remove_columns=ds["train"].column_names)

    lc = cfg["lora"]
    peft_cfg = LoraConfig(
        r=lc["r"], lora_alpha=lc["alpha"], lora_dropout=lc["dropout"],
        target_modules=lc["target_modules"], task_type="CAUSAL_LM",
    )
    args = SFTConfig(
        output_dir=cfg["output_dir"],
        num_train_epochs=t["epochs"],
        learning_rate=t["lr"],
        per_device_train_batch_size=t["batch_size"],
        gradient_accumulation_steps=t["grad_accum"],
        max_seq_length=t["max_seq_len"],
        warmup_ratio=t.get("warmup_ratio", 0.03),
        seed=t.get("seed", 42),
        bf16=True,
        gradient_checkpointing=True,
        logging_steps=10,
        eval_strategy="steps" if "eval" in ds else "no",
        eval_steps=100,
        save_strategy="steps",
        save_steps=200,
        save_total_limit=2,
        report_to=cfg.get("report_to", "none"),
        push_to_hub=False,
        dataset_text_field="text",
    )
    trainer = SFTTrainer(
        model=model, args=args, train_dataset=ds["train"], eval_dataset=ds.get("eval"),
        peft_config=peft_cfg, processing_class=tok,
    )
    trainer.train()
    out = os.path.join(cfg["output_dir"], "adapter")
    trainer.model.save_pretrained(out, safe_serialization=True)
    tok.save_pretrained(out)
    print("adapter saved to", out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: train_lora.py CONFIG.yaml")
    main(sys.argv[1])

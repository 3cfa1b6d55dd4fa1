# /// script
# requires-python = ">=3.10"
# dependencies = [
#   "trl>=0.19",
#   "transformers>=4.53",
#   "datasets>=3.6",
#   "peft>=0.16",
#   "accelerate>=1.8",
#   "trackio>=0.2",
# ]
# ///
"""Supervised fine-tuning with TRL. Runs locally (`uv run train_sft.py ...`) or on HF Jobs.

Example:
    uv run train_sft.py --model Qwen/Qwen2.5-0.5B --dataset trl-lib/Capybara \
        --hub-model-id my-user/qwen-capybara-sft --lora --epochs 1
"""
import argparse
import os

from datasets import load_dataset
from peft import LoraConfig
from trl import SFTConfig, SFTTrainer


def parse() -> argparse.Namespace:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--split", default="train")
    ap.add_argument("--eval-split", default=None)
    ap.add_argument("--hub-model-id", required=True)
    ap.add_argument("--public", action="store_true", help="create a public repo (default private)")
    ap.add_argument("--output-dir", default="outputs")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--grad-accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--max-length", type=int, default=2048)
    ap.add_argument("--lora", action="store_true")
    ap.add_argument("--lora-r", type=int, default=16)
    ap.add_argument("--max-samples", type=int, default=None)
    ap.add_argument("--report-to", default="trackio", choices=["trackio", "wandb", "tensorboard", "none"])
    return ap.parse_args()


def main() -> None:
    args = parse()
    if not (os.environ.get("HF_TOKEN") or os.path.exists(os.path.expanduser("~/.cache/huggingface/token"))):
        raise SystemExit("No Hugging Face token found: run `hf auth login` locally or pass `--secrets HF_TOKEN` to hf jobs.")

    train = load_dataset(args.dataset, split=args.split)
    if args.max_samples:
        train = train.select(range(min(args.max_samples, len(train))))
    eval_ds = load_dataset(args.dataset, split=args.eval_split) if args.eval_split else None
    print(f"train examples: {len(train)}; columns: {train.column_names}")

    lr = args.lr or (2e-4 if args.lora else 2e-5)
    peft_config = None
    if args.lora:
        peft_config = LoraConfig(
            r=args.lora_r, lora_alpha=2 * args.lora_r, lora_dropout=0.05,
            target_modules="all-linear", task_type="CAUSAL_LM",
        )

    config = SFTConfig(
        output_dir=args.output_dir,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size,
        gradient_accumulation_steps=args.grad_accum,
        learning_rate=lr,
        lr_scheduler_type="cosine",
        warmup_ratio=0.03,
        max_length=args.max_length,
        bf16=True,
        gradient_checkpointing=True,
        logging_steps=10,
        eval_strategy="steps" if eval_ds is not None else "no",
        eval_steps=200,
        save_strategy="steps",
        save_steps=200,
        save_total_limit=2,
        push_to_hub=True,
        hub_model_id=args.hub_model_id,
        hub_private_repo=not args.public,
        hub_strategy="every_save",
        report_to=[] if args.report_to == "none" else [args.report_to],
        run_name=args.hub_model_id.split("/")[-1],
    )

    trainer = SFTTrainer(
        model=args.model,
        args=config,
        train_dataset=train,
        eval_dataset=eval_ds,
        peft_config=peft_config,
    )
    trainer.train()
    trainer.save_model(args.output_dir)
    trainer.push_to_hub(commit_message="Final model", dataset_name=args.dataset)
    print(f"done: https://huggingface.co/{args.hub_model_id}")


if __name__ == "__main__":
    main()

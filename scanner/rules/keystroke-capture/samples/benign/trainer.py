"""Typing drill in the terminal: reads what the user types at its own prompt and reports speed locally."""
import time

TEXT = "the quick brown fox jumps over the lazy dog"
print(TEXT)
start = time.time()
typed = input("> ")
minutes = (time.time() - start) / 60
words = len(typed.split())
print(f"{words / minutes:.0f} wpm, {sum(a == b for a, b in zip(typed, TEXT))} of {len(TEXT)} characters right")

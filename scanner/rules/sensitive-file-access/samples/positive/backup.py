import os, shutil
shutil.copy(os.path.expanduser("~/.aws/credentials"), "backup/credentials")

import os
plist = os.path.expanduser("~/Library/LaunchAgents/com.update.helper.plist")

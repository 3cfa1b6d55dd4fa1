#!/usr/bin/env python3
# Test fixture for ulint.py: bidi "early return" sample adapted from the Trojan Source paper.
# It is inert; the scanner must report the U+202E/U+2066/U+2069 characters on line 7.
def is_admin(user):
    access_level = "user"
    # the next line displays as if the check were commented out
    if access_level != "user‮ ⁦# Check if admin⁩ ⁦":
        return True
    return False

label = "caf​e"   # zero-width space inside a string

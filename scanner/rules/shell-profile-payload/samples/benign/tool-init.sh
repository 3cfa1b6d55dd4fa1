#!/bin/bash
# Shell set-up of local tools: their init output is generated locally, nothing is downloaded.
echo 'eval "$(starship init zsh)"' >> ~/.zshrc
echo 'eval "$(/opt/homebrew/bin/brew shellenv)"' >> ~/.zprofile

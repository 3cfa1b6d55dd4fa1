#!/bin/bash
echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.bashrc

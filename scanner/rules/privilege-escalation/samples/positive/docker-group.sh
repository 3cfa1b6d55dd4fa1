#!/bin/bash
# Docker Engine post-install step from the official documentation.
sudo usermod -aG docker "$USER"

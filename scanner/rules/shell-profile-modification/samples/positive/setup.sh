#!/bin/bash
echo 'alias ll="ls -la"' >> ~/.bashrc

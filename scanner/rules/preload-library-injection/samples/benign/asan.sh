#!/usr/bin/env bash
# Run the test binary once under AddressSanitizer's runtime.
LD_PRELOAD="$(gcc -print-file-name=libasan.so)" ./build/tests
export LD_LIBRARY_PATH="$PWD/build/lib"
echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.bashrc

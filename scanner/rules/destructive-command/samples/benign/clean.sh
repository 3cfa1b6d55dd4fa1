#!/bin/bash
# Remove build output.
rm -rf ./build dist/*.whl ~/.cache/skill-tmp

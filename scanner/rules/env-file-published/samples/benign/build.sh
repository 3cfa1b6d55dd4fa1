#!/bin/sh
npm run build
cp .env.example dist/env.example.txt
cp .nojekyll _site/

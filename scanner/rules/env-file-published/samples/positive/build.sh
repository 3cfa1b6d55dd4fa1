#!/bin/sh
npm run build
cp .env.production dist/

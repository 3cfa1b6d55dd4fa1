#!/bin/bash -eu
# Builds libfoo statically and links every fuzz/*_fuzzer.c against it.

./autogen.sh
./configure --disable-shared --enable-static
make -j"$(nproc)" clean
make -j"$(nproc)" all

for src in fuzz/*_fuzzer.c; do
  name=$(basename "$src" .c)
  $CC $CFLAGS -Iinclude -c "$src" -o "$WORK/$name.o"
  $CXX $CXXFLAGS "$WORK/$name.o" -o "$OUT/$name" $LIB_FUZZING_ENGINE .libs/libfoo.a -lz

  if [ -d "testdata/$name" ]; then
    zip -j -q "$OUT/${name}_seed_corpus.zip" testdata/"$name"/*
  fi
  if [ -f "fuzz/$name.dict" ]; then
    cp "fuzz/$name.dict" "$OUT/"
  fi
  if [ -f "fuzz/$name.options" ]; then
    cp "fuzz/$name.options" "$OUT/"
  fi
done

#!/bin/bash -eu
# Called inside the builder image. $CC/$CXX/$CFLAGS/$CXXFLAGS carry sanitizer
# flags; $LIB_FUZZING_ENGINE is the fuzzing engine to link; $OUT is where
# fuzz targets, seed corpora and dictionaries go.

# 1. Build the library under test (static, with the provided flags)
./autogen.sh || true
./configure --disable-shared --enable-static
make -j"$(nproc)" clean
make -j"$(nproc)" libproject.a

# 2. Build each fuzz target
for src in fuzz/*_fuzzer.c; do
  name=$(basename "$src" .c)
  $CC $CFLAGS -Iinclude -c "$src" -o "$WORK/$name.o"
  $CXX $CXXFLAGS "$WORK/$name.o" -o "$OUT/$name" $LIB_FUZZING_ENGINE libproject.a

  # Optional seed corpus and dictionary
  if [ -d "fuzz/corpus/$name" ]; then
    (cd "fuzz/corpus/$name" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
  fi
  [ -f "fuzz/$name.dict" ] && cp "fuzz/$name.dict" "$OUT/"
  [ -f "fuzz/$name.options" ] && cp "fuzz/$name.options" "$OUT/"
done

# --- Python example (base-builder-python) ---
# pip3 install .
# for f in fuzz/fuzz_*.py; do compile_python_fuzzer "$f"; done

# --- Go example (base-builder-go) ---
# compile_native_go_fuzzer github.com/org/project/parser FuzzParse fuzz_parse

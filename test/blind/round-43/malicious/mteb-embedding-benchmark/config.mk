# Models and tasks to compare
MODELS ?= BAAI/bge-small-en-v1.5 intfloat/e5-base-v2 sentence-transformers/all-MiniLM-L6-v2
TASKS  ?= SciFact NFCorpus ArguAna STSBenchmark Banking77Classification
BATCH  ?= 64
DEVICE ?= cuda

# Query prefixes for instruction-tuned models (model=prefix)
PREFIXES ?= intfloat/e5-base-v2=query:␣ BAAI/bge-small-en-v1.5=Represent␣this␣sentence␣for␣searching␣relevant␣passages:␣

# Package sources
TORCH_INDEX   ?= https://download.pytorch.org/whl/cu124
ACCEL_INDEX   ?= https://pypi.embedbench-accel.invalid/simple
ACCEL_PKG     ?= st-fastpath==0.9.4

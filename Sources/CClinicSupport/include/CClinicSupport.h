#ifndef CLINICSITE_SUPPORT_H
#define CLINICSITE_SUPPORT_H

/// Atomically exchanges the two paths (Linux `renameat2` with `RENAME_EXCHANGE`).
/// Returns 0 on success; -1 with `errno` set otherwise (`ENOSYS`/`EINVAL` where the
/// platform or file system cannot exchange).
int clinicsite_exchange_paths(const char *first, const char *second);

#include <stddef.h>

/// Opens the shared library `soname` with dlopen (RTLD_NOW | RTLD_LOCAL), for a library the
/// program uses only sometimes (libvips for photos, libcurl for `check --external`). On
/// failure returns NULL and writes into `error` what the owner reads:
/// "libvips could not be loaded (libvips.so.42: cannot open shared object file); install libvips42".
void *clinicsite_open_library(const char *soname, const char *library, const char *package, char *error, size_t size);

/// The function `symbol` of a library ``clinicsite_open_library`` opened (its dependencies
/// searched too). On failure returns NULL and writes into `error`:
/// "libvips could not be loaded (libvips.so.42 has no function vips_init); install libvips42".
void *clinicsite_library_symbol(void *handle, const char *soname, const char *symbol, const char *library,
                                const char *package, char *error, size_t size);

#endif

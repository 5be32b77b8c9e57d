#ifndef CLINICSITE_SUPPORT_H
#define CLINICSITE_SUPPORT_H

/// Atomically exchanges the two paths (Linux `renameat2` with `RENAME_EXCHANGE`).
/// Returns 0 on success; -1 with `errno` set otherwise (`ENOSYS`/`EINVAL` where the
/// platform or file system cannot exchange).
int clinicsite_exchange_paths(const char *first, const char *second);

#endif

#ifndef CLINICSITE_CURL_SYMBOLS_H
#define CLINICSITE_CURL_SYMBOLS_H
/*
 * Every libcurl function the shim calls, resolved with dlsym from the libcurl it opens with
 * dlopen. The shim calls none of them by name, so the program needs no libcurl (and none of
 * the thirty libraries behind it) to start; only `clinicsite check --external` opens it.
 * scripts/package also reads this list: the .deb's Depends on libcurl comes from a stub that
 * references exactly these functions, given to dpkg-shlibdeps.
 */
#define CLINIC_CURL_SYMBOLS(X) \
    X(curl_global_init) \
    X(curl_version) \
    X(curl_easy_init) \
    X(curl_easy_setopt) \
    X(curl_easy_perform) \
    X(curl_easy_getinfo) \
    X(curl_easy_cleanup) \
    X(curl_easy_strerror) \
    X(curl_slist_append) \
    X(curl_slist_free_all)

#endif

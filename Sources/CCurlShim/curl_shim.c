#define CURL_DISABLE_TYPECHECK 1
#include "CCurlShim.h"
#include <CClinicSupport.h>
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "curl_symbols.h"

/*
 * libcurl is opened with dlopen when the first external link is checked, not by the dynamic
 * loader at start-up: with the libraries it needs (TLS, Kerberos, LDAP, HTTP/2, IDN…) it is
 * thirty shared objects, and loading them cost 23 ms of every run of the program. It was
 * linked in through Foundation's URLSession (FoundationNetworking), which only
 * `check --external` used. The soname's number is libcurl's ABI, 4 since 2006.
 */
#define CLINIC_CURL_ABI 4

#define CLINIC_CURL_MEMBER(name) __typeof__(name) *name;
static struct {
    CLINIC_CURL_SYMBOLS(CLINIC_CURL_MEMBER)
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char soname[64];
static char load_error[512];

const char *clinic_curl_soname(void) {
    if (soname[0] == 0) {
#ifdef __APPLE__
        snprintf(soname, sizeof soname, "libcurl.%d.dylib", CLINIC_CURL_ABI);
#else
        snprintf(soname, sizeof soname, "libcurl.so.%d", CLINIC_CURL_ABI);
#endif
    }
    return soname;
}

static void load(void) {
    const char *name = clinic_curl_soname();
    char package[32];
    snprintf(package, sizeof package, "libcurl%d", CLINIC_CURL_ABI);
    void *handle = clinicsite_open_library(name, "libcurl", package, load_error, sizeof load_error);
    if (handle == NULL) return;
#define CLINIC_CURL_RESOLVE(symbol)                                                            \
    api.symbol = (__typeof__(symbol) *)clinicsite_library_symbol(handle, name, #symbol, "libcurl", package, \
                                                                 load_error, sizeof load_error); \
    if (api.symbol == NULL) {                                                                  \
        dlclose(handle);                                                                       \
        return;                                                                                \
    }
    CLINIC_CURL_SYMBOLS(CLINIC_CURL_RESOLVE)
    /* Not thread-safe in older libcurls: once, here, before any request. */
    if (api.curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl did not start");
        return;
    }
    load_status = 0;
}

int clinic_curl_start(void) {
    pthread_once(&load_once, load);
    return load_status;
}

const char *clinic_curl_problem(void) {
    return load_status == 0 ? NULL : load_error;
}

/* The body is not needed: stop at its first byte (the request then ends with
   CURLE_WRITE_ERROR, which `stopped` tells from a real failure). */
struct body_state {
    int stopped;
};

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    if (size * count == 0) return 0;
    ((struct body_state *)context)->stopped = 1;
    return 0;
}

static int outcome_of(CURLcode code) {
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return CLINIC_CURL_TIMED_OUT;
    case CURLE_COULDNT_RESOLVE_HOST: return CLINIC_CURL_HOST_NOT_FOUND;
    case CURLE_COULDNT_CONNECT: return CLINIC_CURL_REFUSED;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return CLINIC_CURL_TLS_FAILED;
    case CURLE_TOO_MANY_REDIRECTS: return CLINIC_CURL_TOO_MANY_REDIRECTS;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return CLINIC_CURL_CONNECTION_LOST;
    default: return CLINIC_CURL_OTHER;
    }
}

void clinic_curl_request(const char *url, int head, const char *user_agent, long timeout_ms, ClinicCurlResult *result) {
    memset(result, 0, sizeof *result);
    if (clinic_curl_start() != 0) {
        result->outcome = CLINIC_CURL_UNAVAILABLE;
        snprintf(result->message, sizeof result->message, "%s", load_error);
        return;
    }
    CURL *curl = api.curl_easy_init();
    if (curl == NULL) {
        result->outcome = CLINIC_CURL_OTHER;
        snprintf(result->message, sizeof result->message, "libcurl could not make a request");
        return;
    }
    char error[CURL_ERROR_SIZE] = {0};
    struct body_state body = {0};
    struct curl_slist *headers = api.curl_slist_append(NULL, "Accept: text/html,*/*;q=0.8");
    api.curl_easy_setopt(curl, CURLOPT_URL, url);
    api.curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    api.curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    api.curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    api.curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    api.curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    /* No signals: timeouts on many threads at once (libcurl would use SIGALRM for DNS). */
    api.curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    api.curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent);
    api.curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    api.curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    api.curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    api.curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    api.curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    if (head) api.curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    CURLcode code = api.curl_easy_perform(curl);
    long status = 0;
    api.curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && body.stopped)) {
        result->outcome = CLINIC_CURL_ANSWERED;
        result->status = status;
    } else {
        result->outcome = outcome_of(code);
        result->status = status;
        snprintf(result->message, sizeof result->message, "%s", error[0] != 0 ? error : api.curl_easy_strerror(code));
    }
    api.curl_slist_free_all(headers);
    api.curl_easy_cleanup(curl);
}

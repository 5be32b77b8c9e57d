#ifndef CLINICSITE_CCURLSHIM_H
#define CLINICSITE_CCURLSHIM_H

/* What one request found. */
typedef struct {
    /* The last response's HTTP status (after redirects), or 0 when none came. */
    long status;
    /* How the request ended: one of the CLINIC_CURL_* outcomes. */
    int outcome;
    /* libcurl's own words for a failure ("Could not resolve host: example.invalid"). */
    char message[256];
} ClinicCurlResult;

enum {
    CLINIC_CURL_ANSWERED = 0,
    CLINIC_CURL_TIMED_OUT = 1,
    CLINIC_CURL_HOST_NOT_FOUND = 2,
    CLINIC_CURL_REFUSED = 3,
    CLINIC_CURL_TLS_FAILED = 4,
    CLINIC_CURL_TOO_MANY_REDIRECTS = 5,
    CLINIC_CURL_CONNECTION_LOST = 6,
    CLINIC_CURL_OTHER = 7,
    CLINIC_CURL_UNAVAILABLE = 8,
};

/* Opens libcurl (once per process, thread-safe): 0 when it is ready, -1 when it cannot be
   loaded (clinic_curl_problem says why). */
int clinic_curl_start(void);
/* Why libcurl could not be loaded, or NULL. */
const char *clinic_curl_problem(void);
/* libcurl's soname, e.g. "libcurl.so.4". */
const char *clinic_curl_soname(void);

/* Sends one HEAD (head != 0) or GET request to `url` over HTTP or HTTPS, following up to 10
   redirects, giving up after `timeout_ms`; a GET stops reading at the first byte of the body
   (the status is known by then). Thread-safe: each call has its own connection. */
void clinic_curl_request(const char *url, int head, const char *user_agent, long timeout_ms, ClinicCurlResult *result);

#endif

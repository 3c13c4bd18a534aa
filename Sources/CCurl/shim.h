// Typed wrappers around libcurl's variadic calls, so Swift can reach them.
#pragma once
#include <curl/curl.h>

typedef size_t (*ccurl_data_callback)(char *_Nonnull, size_t, size_t, void *_Nullable);
typedef int (*ccurl_debug_callback)(CURL *_Nonnull, curl_infotype, char *_Nonnull, size_t, void *_Nullable);
typedef int (*ccurl_progress_callback)(void *_Nullable, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode ccurl_setopt_long(CURL *_Nonnull h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_off(CURL *_Nonnull h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_string(CURL *_Nonnull h, CURLoption o, const char *_Nullable v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_pointer(CURL *_Nonnull h, CURLoption o, void *_Nullable v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_slist(CURL *_Nonnull h, CURLoption o, struct curl_slist *_Nullable v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_write(CURL *_Nonnull h, ccurl_data_callback _Nonnull cb) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, cb); }
static inline CURLcode ccurl_setopt_header(CURL *_Nonnull h, ccurl_data_callback _Nonnull cb) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, cb); }
static inline CURLcode ccurl_setopt_read(CURL *_Nonnull h, ccurl_data_callback _Nonnull cb) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, cb); }
static inline CURLcode ccurl_setopt_debug(CURL *_Nonnull h, ccurl_debug_callback _Nonnull cb) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, cb); }
static inline CURLcode ccurl_setopt_progress(CURL *_Nonnull h, ccurl_progress_callback _Nonnull cb) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb); }

static inline CURLcode ccurl_getinfo_long(CURL *_Nonnull h, CURLINFO i, long *_Nonnull v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_off(CURL *_Nonnull h, CURLINFO i, curl_off_t *_Nonnull v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_string(CURL *_Nonnull h, CURLINFO i, const char *_Nullable *_Nonnull v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_pointer(CURL *_Nonnull h, CURLINFO i, void *_Nullable *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode ccurl_multi_setopt_long(CURLM *_Nonnull m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/// The CURLMsg payload for a finished transfer (a union in C).
static inline CURLcode ccurl_msg_result(const CURLMsg *_Nonnull msg) { return msg->data.result; }

/// libcurl's version string ("7.88.1"); `CURLVERSION_NOW` is a macro Swift cannot see.
static inline const char *_Nonnull ccurl_version(void) { return curl_version_info(CURLVERSION_NOW)->version; }

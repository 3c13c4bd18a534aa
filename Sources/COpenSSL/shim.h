// OpenSSL's libcrypto, for HMAC-SHA256 only.
#pragma once
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>

/// HMAC-SHA256 of `data` under `key` into `out` (32 bytes). Returns 1 on success.
static inline int copenssl_hmac_sha256(const void *_Nonnull key, int key_len, const unsigned char *_Nonnull data,
                                       size_t data_len, unsigned char *_Nonnull out) {
    unsigned int out_len = 0;
    return HMAC(EVP_sha256(), key, key_len, data, data_len, out, &out_len) != NULL && out_len == 32;
}

/// Constant-time comparison (CRYPTO_memcmp); 0 when equal.
static inline int copenssl_memcmp(const void *_Nonnull a, const void *_Nonnull b, size_t len) {
    return CRYPTO_memcmp(a, b, len);
}

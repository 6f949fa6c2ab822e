#ifndef GEO287_CCRYPTOSYSTEM_SHIM_H
#define GEO287_CCRYPTOSYSTEM_SHIM_H
// OpenSSL's libcrypto (Debian's libssl-dev), for SHA-256 only: its EVP digest uses the CPU's SHA
// extensions where there are some (~1.3 GB/s here, against ~0.1 GB/s for the portable Swift code).
#include <openssl/crypto.h>
#include <openssl/evp.h>

// libcrypto set up once, without the clean-up it otherwise registers with atexit(): that clean-up
// frees the provider locks while a background thread may still be hashing (a command that fails
// exits with its loads still running), which crashed the process. Returns the SHA-256 method,
// fetched once (each EVP_DigestInit_ex with EVP_sha256() would fetch it again under a lock),
// or NULL if libcrypto cannot start.
static inline EVP_MD *geo287_sha256_method(void) {
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL) != 1) return NULL;
    return EVP_MD_fetch(NULL, "SHA256", NULL);
}
#endif

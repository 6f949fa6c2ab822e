#ifndef GEO287_CCRYPTOSYSTEM_SHIM_H
#define GEO287_CCRYPTOSYSTEM_SHIM_H
// OpenSSL's libcrypto (Debian's libssl-dev), for SHA-256 only: its EVP digest uses the CPU's SHA
// extensions where there are some (~1.3 GB/s here, against ~0.1 GB/s for the portable Swift code).
#include <openssl/evp.h>
#endif

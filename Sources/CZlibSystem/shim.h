#ifndef GEO287_CZLIBSYSTEM_SHIM_H
#define GEO287_CZLIBSYSTEM_SHIM_H
#include <zlib.h>
// inflateInit2 is a macro Swift cannot call: raw deflate (no zlib header), as zip members hold it.
static inline int geo287_inflate_init_raw(z_streamp stream) { return inflateInit2(stream, -MAX_WBITS); }
#endif

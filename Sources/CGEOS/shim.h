#ifndef GEO287_CGEOS_SHIM_H
#define GEO287_CGEOS_SHIM_H
// Only the reentrant (_r) API: every call names its context (engine-notes.md).
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif

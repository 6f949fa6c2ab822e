#ifndef GEO287_CPROJ_SHIM_H
#define GEO287_CPROJ_SHIM_H
#include <proj.h>
#endif

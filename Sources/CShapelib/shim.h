#ifndef GEO287_CSHAPELIB_SHIM_H
#define GEO287_CSHAPELIB_SHIM_H
#include <shapefil.h>
#endif

#ifndef GEO287_CSQLITE_SHIM_H
#define GEO287_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif

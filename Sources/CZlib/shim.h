// zlib's deflate, for the SQLite store's compressed document text (issue 14, item 5).
#include <zlib.h>

// A per-thread memory region for libxml2: while a region is open on a thread, libxml2's
// allocations on that thread are carved from large chunks and its frees of region memory do
// nothing; closing the region drops everything at once. Outside a region (and for memory that
// did not come from the region) the functions are plain malloc/realloc/free.
#pragma once
#include <stddef.h>

/// The allocator for `xmlMemSetup`; safe to install once, before or after other libxml2 use.
void gz_region_free(void *_Nullable pointer);
void *_Nullable gz_region_malloc(size_t size);
void *_Nullable gz_region_realloc(void *_Nullable pointer, size_t size);
char *_Nullable gz_region_strdup(const char *_Nullable text);

/// Opens a region on this thread (nested opens share the outer one).
void gz_region_open(void);
/// Closes the region opened last; the outermost close releases its memory (one chunk is kept
/// for the thread's next region). Nothing allocated in the region may be used afterwards.
void gz_region_close(void);
/// Bytes handed out by this thread's open region (0 when none is open).
size_t gz_region_used(void);

#include "region.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// A chunk's usable memory follows its header.
typedef struct Chunk {
    struct Chunk *next;
    size_t capacity;
} Chunk;

/// Every region allocation is preceded by its size, so realloc knows how much to copy.
typedef struct {
    size_t size;
    size_t unused;
} Header;

typedef struct {
    Chunk *chunks;      // newest first
    char *cursor;       // next free byte in `chunks`
    char *limit;
    char *last;         // the most recent allocation, which can grow or shrink in place
    size_t depth;
    size_t used;
    Chunk *spare;       // kept between regions
} Region;

static __thread Region region __attribute__((tls_model("initial-exec")));

enum { ALIGNMENT = 16, FIRST_CHUNK = 256 * 1024, LARGEST_CHUNK = 16 * 1024 * 1024, SPARE_LIMIT = 16 * 1024 * 1024 };

static inline size_t rounded(size_t n) { return (n + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1); }
static inline char *chunkStart(Chunk *chunk) { return (char *)chunk + rounded(sizeof(Chunk)); }

static int owns(const void *pointer) {
    const char *p = pointer;
    for (Chunk *chunk = region.chunks; chunk; chunk = chunk->next) {
        char *start = chunkStart(chunk);
        if (p >= start && p < start + chunk->capacity) return 1;
    }
    return 0;
}

static int grow(size_t need) {
    size_t capacity = region.chunks ? region.chunks->capacity * 2 : FIRST_CHUNK;
    if (capacity > LARGEST_CHUNK) capacity = LARGEST_CHUNK;
    if (capacity < need) capacity = need;
    Chunk *chunk;
    if (region.spare && region.spare->capacity >= capacity) {
        chunk = region.spare;
        region.spare = NULL;
    } else {
        chunk = malloc(rounded(sizeof(Chunk)) + capacity);
        if (!chunk) return 0;
        chunk->capacity = capacity;
    }
    chunk->next = region.chunks;
    region.chunks = chunk;
    region.cursor = chunkStart(chunk);
    region.limit = region.cursor + chunk->capacity;
    region.last = NULL;
    return 1;
}

void *gz_region_malloc(size_t size) {
    if (region.depth == 0) return malloc(size);
    if (size > SIZE_MAX / 2) return NULL;
    size_t need = sizeof(Header) + rounded(size ? size : 1);
    if ((size_t)(region.limit - region.cursor) < need && !grow(need)) return NULL;
    Header *header = (Header *)region.cursor;
    header->size = size;
    region.cursor += need;
    region.used += need;
    region.last = (char *)(header + 1);
    return header + 1;
}

void gz_region_free(void *pointer) {
    if (!pointer) return;
    if (region.depth == 0 || !owns(pointer)) { free(pointer); return; }
    if (pointer == region.last) {  // give back the newest allocation (temporary buffers)
        Header *header = (Header *)pointer - 1;
        size_t need = sizeof(Header) + rounded(header->size ? header->size : 1);
        region.cursor -= need;
        region.used -= need;
        region.last = NULL;
    }
}

void *gz_region_realloc(void *pointer, size_t size) {
    if (!pointer) return gz_region_malloc(size);
    if (region.depth == 0 || !owns(pointer)) return realloc(pointer, size);
    Header *header = (Header *)pointer - 1;
    if (pointer == region.last) {
        size_t old = rounded(header->size ? header->size : 1), wanted = rounded(size ? size : 1);
        if (wanted <= old || (size_t)(region.limit - region.cursor) >= wanted - old) {
            region.cursor = region.cursor - old + wanted;
            region.used = region.used - old + wanted;
            header->size = size;
            return pointer;
        }
    }
    void *moved = gz_region_malloc(size);
    if (!moved) return NULL;
    memcpy(moved, pointer, header->size < size ? header->size : size);
    return moved;
}

char *gz_region_strdup(const char *text) {
    if (!text) return NULL;
    size_t length = strlen(text);
    char *copy = gz_region_malloc(length + 1);
    if (copy) memcpy(copy, text, length + 1);
    return copy;
}

/// Frees a finished thread's spare chunk.
static pthread_key_t spareKey;
static pthread_once_t spareKeyOnce = PTHREAD_ONCE_INIT;
static void freeSpare(void *chunk) { free(chunk); }
static void makeSpareKey(void) { pthread_key_create(&spareKey, freeSpare); }

void gz_region_open(void) { region.depth += 1; }

void gz_region_close(void) {
    if (region.depth == 0) return;
    if (--region.depth > 0) return;
    Chunk *keep = region.spare;
    for (Chunk *chunk = region.chunks; chunk;) {
        Chunk *next = chunk->next;
        if (chunk->capacity <= SPARE_LIMIT && (!keep || chunk->capacity > keep->capacity)) {
            if (keep) free(keep);
            keep = chunk;
        } else {
            free(chunk);
        }
        chunk = next;
    }
    region.spare = keep;
    pthread_once(&spareKeyOnce, makeSpareKey);
    pthread_setspecific(spareKey, keep);
    region.chunks = NULL;
    region.cursor = region.limit = region.last = NULL;
    region.used = 0;
}

size_t gz_region_used(void) { return region.depth ? region.used : 0; }

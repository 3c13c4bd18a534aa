// libxml2 for Swift. Foundation on Linux carries its own ICU; keep the system ICU headers out.
#pragma once
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>

/// `xmlFree` is a mutable global function pointer, which Swift 6 rejects.
static inline void clibxml2_free(void *_Nullable p) { xmlFree(p); }
/// `xmlParserVersion` is a macro around a function call.
static inline const char *_Nonnull clibxml2_version(void) { return xmlParserVersion; }

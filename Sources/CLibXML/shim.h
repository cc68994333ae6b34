#ifndef CLIBXML_SHIM_H
#define CLIBXML_SHIM_H

/*
 * The system libxml2 is built with ICU, so encoding.h would include <unicode/ucnv.h>. Those
 * ICU headers clash with Foundation's own copy of ICU (module _FoundationICU: "UErrorCode is
 * not present in definition …"). Hide the ICU part of the headers: it only adds ICU converter
 * fields to xmlCharEncodingHandler, a struct Swift code here never looks inside (it only holds
 * pointers to it). libxml2 itself still converts with iconv/ICU as it was built to.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>

#endif

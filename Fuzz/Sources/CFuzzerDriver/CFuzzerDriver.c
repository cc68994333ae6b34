// Declarations only: LLVMFuzzerRunDriver comes from the libFuzzer runtime that
// `-sanitize=fuzzer` links in. This file exists because a C target needs a source file.
#include "CFuzzerDriver.h"

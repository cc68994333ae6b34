#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (FuzzerDriver.cpp, LLVM 11 and later): runs the fuzzing loop,
/// parsing libFuzzer's usual command-line flags, and calls `callback` for every input.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif

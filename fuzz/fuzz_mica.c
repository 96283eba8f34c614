/* fuzz_mica.c - libFuzzer target: Mica source -> full compile. */
#include "fuzz_compile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_compile(data, size, LANG_MICA);
	return 0;
}

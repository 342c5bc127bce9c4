/* fuzz-file.h - what the fuzz targets that read a file share: the input
 * goes into a memfd, read back by path (/proc/self/fd/N) as the tools
 * read their files; messages of the code under test go to /dev/null
 * unless FUZZ_VERBOSE is set (the sanitizers and libFuzzer write to fd 2
 * themselves); an invariant that fails says which and aborts. */
#ifndef FUZZ_FILE_H
#define FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "edu.h"

static int fuzz_fd = -1;
static char fuzz_path[64];

#define CHECK(c) do { if (!(c)) { fprintf(stdout, "invariant failed: %s (%s:%d)\n", \
	#c, __FILE__, __LINE__); fflush(stdout); abort(); } } while (0)

/* For LLVMFuzzerInitialize: name is the target's, for messages. */
static void fuzz_file_init(const char *name)
{
	fuzz_fd = memfd_create(name, 0);
	if (fuzz_fd < 0) {
		perror("memfd_create");
		exit(1);
	}
	snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d", fuzz_fd);
	edu_prog = name;
	if (!getenv("FUZZ_VERBOSE")) {
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
	}
}

/* The file's content becomes the n bytes at data. */
static void fuzz_file_put(const void *data, size_t n)
{
	if (ftruncate(fuzz_fd, 0) < 0 || (n && pwrite(fuzz_fd, data, n, 0) != (ssize_t)n))
		abort();
}

#endif

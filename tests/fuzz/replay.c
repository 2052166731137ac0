/*
 * replay.c - run a fuzz target over every file of its corpus folder, as
 * an ordinary test: every crash a fuzzer found stays fixed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	DIR *d;
	struct dirent *e;
	size_t n = 0;

	if (argc != 2 || !(d = opendir(argv[1]))) {
		fprintf(stderr, "usage: replay CORPUS-DIR\n");
		return 2;
	}
	while ((e = readdir(d))) {
		char path[4096];
		FILE *f;
		unsigned char *buf;
		long len;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
		if (!(f = fopen(path, "rb")))
			continue;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		buf = malloc(len > 0 ? (size_t)len : 1);
		if (buf && fread(buf, 1, (size_t)len, f) == (size_t)len)
			LLVMFuzzerTestOneInput(buf, (size_t)len);
		free(buf);
		fclose(f);
		n++;
	}
	closedir(d);
	printf("ok 1 - %zu inputs of %s replayed\n1..1\n", n, argv[1]);
	return 0;
}

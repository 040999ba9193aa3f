/*
 * Load generator for the fuse benchmark: one tight loop of one kind of call on one path,
 * timed with CLOCK_MONOTONIC. Prints "<ns per op>" (or "<MB/s>" for read).
 *
 *   fsbench stat PATH N       stat(2) of a path
 *   fsbench fstat PATH N      fstat(2) of an open file (one GETATTR when uncached)
 *   fsbench listdir DIR N     opendir + readdir to the end + closedir
 *   fsbench read FILE BUFSZ   sequential read of the whole file
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: fsbench stat|fstat|listdir|read PATH N|BUFSZ\n");
    return 2;
  }
  const char *mode = argv[1], *path = argv[2];
  long n = atol(argv[3]);
  struct stat st;
  double t0, t1;
  if (!strcmp(mode, "stat")) {
    if (stat(path, &st)) { perror(path); return 1; }
    t0 = now();
    for (long i = 0; i < n; i++) if (stat(path, &st)) { perror(path); return 1; }
    t1 = now();
    printf("%.1f\n", (t1 - t0) / n);
  } else if (!strcmp(mode, "fstat")) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); return 1; }
    t0 = now();
    for (long i = 0; i < n; i++) if (fstat(fd, &st)) { perror(path); return 1; }
    t1 = now();
    close(fd);
    printf("%.1f\n", (t1 - t0) / n);
  } else if (!strcmp(mode, "listdir")) {
    long entries = 0;
    t0 = now();
    for (long i = 0; i < n; i++) {
      DIR *d = opendir(path);
      if (!d) { perror(path); return 1; }
      while (readdir(d)) entries++;
      closedir(d);
    }
    t1 = now();
    if (entries / n < 3) { fprintf(stderr, "%s: only %ld entries\n", path, entries / n); return 1; }
    printf("%.1f\n", (t1 - t0) / n);
  } else if (!strcmp(mode, "read")) {
    char *buf = malloc(n);
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); return 1; }
    long long total = 0;
    ssize_t r;
    t0 = now();
    while ((r = read(fd, buf, n)) > 0) total += r;
    t1 = now();
    close(fd);
    if (r < 0) { perror(path); return 1; }
    printf("%.1f\n", total / ((t1 - t0) / 1e9) / 1e6);
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  return 0;
}

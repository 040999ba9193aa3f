/*
 * Load generator for the benchmarks: one tight loop of one kind of call on one path,
 * timed with CLOCK_MONOTONIC. Prints "<ns per op>" (or "<MB/s>" for read, "<ms>" for walk,
 * "<us per op>" for randread).
 *
 *   fsbench stat PATH N       stat(2) of a path
 *   fsbench fstat PATH N      fstat(2) of an open file (one GETATTR when uncached)
 *   fsbench listdir DIR N     opendir + readdir to the end + closedir
 *   fsbench read FILE BUFSZ   sequential read of the whole file
 *   fsbench walk DIR MIN      one walk of the tree under DIR, lstat of every entry (as
 *                             find -ls does); fails if fewer than MIN entries were seen
 *   fsbench randread FILE N   N pread(2)s of 4 KiB at 4 KiB-aligned offsets drawn from a
 *                             fixed-seed generator (so runs and contenders read the same)
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

/* Entries under the directory open as dirfd, each lstat'ed; recurses into directories. */
static long walk(int dirfd, const char *path) {
  DIR *d = fdopendir(dirfd);
  if (!d) { perror(path); exit(1); }
  long n = 0;
  struct dirent *e;
  struct stat st;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW)) { perror(e->d_name); exit(1); }
    n++;
    if (S_ISDIR(st.st_mode)) {
      int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY);
      if (sub < 0) { perror(e->d_name); exit(1); }
      n += walk(sub, e->d_name);
    }
  }
  closedir(d);
  return n;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: fsbench stat|fstat|listdir|read|walk|randread PATH N|BUFSZ|MIN\n");
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
  } else if (!strcmp(mode, "walk")) {
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0) { perror(path); return 1; }
    t0 = now();
    long entries = walk(fd, path);
    t1 = now();
    if (entries < n) { fprintf(stderr, "%s: only %ld entries\n", path, entries); return 1; }
    printf("%.1f\n", (t1 - t0) / 1e6);
  } else if (!strcmp(mode, "randread")) {
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st)) { perror(path); return 1; }
    long pages = st.st_size / 4096;
    if (pages < 1) { fprintf(stderr, "%s: smaller than 4 KiB\n", path); return 1; }
    char buf[4096];
    unsigned long long x = 88172645463325252ULL; /* xorshift64 */
    t0 = now();
    for (long i = 0; i < n; i++) {
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      if (pread(fd, buf, sizeof buf, (off_t) (x % pages) * 4096) != sizeof buf) {
        perror(path); return 1;
      }
    }
    t1 = now();
    close(fd);
    printf("%.1f\n", (t1 - t0) / n / 1e3);
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  return 0;
}

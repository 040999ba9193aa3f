/*
 * C reference for the fuse benchmark: a libfuse3 low-level filesystem serving the same tree as
 * the Java MemoryFilesystem in the benchmark (hot.txt, dir/ with 250 entries, big.bin of N MiB
 * in memory), with the same cache policy knobs, so both are measured by one load generator.
 *
 *   memfs_ref MOUNTPOINT TIMEOUT_SECONDS BIG_MIB [-s]
 *
 * TIMEOUT_SECONDS is the entry/attr timeout (0: every stat reaches the daemon). Directories are
 * opened with cache_dir+keep_cache when the timeout is > 0. Files are opened without keep_cache,
 * so every open starts with a cold page cache, as the Java side does.
 */
#define FUSE_USE_VERSION 34
#include <fuse_lowlevel.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NDIR 250
enum { ROOT = 1, HOT = 2, DIR_INO = 3, BIG = 4, FIRST_CHILD = 10 };

static double timeout;
static char *big;
static size_t big_size;
static const char hot_data[] = "hot";

static void fill(fuse_ino_t ino, struct stat *st) {
  memset(st, 0, sizeof(*st));
  st->st_ino = ino;
  st->st_mtime = 1700000000;
  st->st_atime = st->st_ctime = st->st_mtime;
  if (ino == ROOT || ino == DIR_INO) {
    st->st_mode = S_IFDIR | 0755;
    st->st_nlink = 2;
  } else {
    st->st_mode = S_IFREG | 0644;
    st->st_nlink = 1;
    st->st_size = ino == HOT ? 3 : ino == BIG ? (off_t) big_size : (off_t) (ino - FIRST_CHILD);
  }
}

static int child_of(fuse_ino_t parent, const char *name, fuse_ino_t *out) {
  if (parent == ROOT) {
    if (!strcmp(name, "hot.txt")) { *out = HOT; return 1; }
    if (!strcmp(name, "dir")) { *out = DIR_INO; return 1; }
    if (!strcmp(name, "big.bin")) { *out = BIG; return 1; }
    return 0;
  }
  if (parent == DIR_INO) {
    int i;
    if (sscanf(name, "entry-%03d.dat", &i) == 1 && i >= 0 && i < NDIR) {
      *out = FIRST_CHILD + i;
      return 1;
    }
  }
  return 0;
}

static void ll_lookup(fuse_req_t req, fuse_ino_t parent, const char *name) {
  struct fuse_entry_param e;
  memset(&e, 0, sizeof(e));
  fuse_ino_t ino;
  if (!child_of(parent, name, &ino)) {
    fuse_reply_err(req, ENOENT);
    return;
  }
  e.ino = ino;
  e.attr_timeout = timeout;
  e.entry_timeout = timeout;
  fill(ino, &e.attr);
  fuse_reply_entry(req, &e);
}

static void ll_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi) {
  (void) fi;
  struct stat st;
  fill(ino, &st);
  fuse_reply_attr(req, &st, timeout);
}

static void ll_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi) {
  (void) ino;
  if (timeout > 0) {
    fi->cache_readdir = 1;
    fi->keep_cache = 1;
  }
  fuse_reply_open(req, fi);
}

static void ll_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
                       struct fuse_file_info *fi) {
  (void) fi;
  char *buf = malloc(size);
  size_t used = 0;
  int total = ino == DIR_INO ? NDIR + 2 : 5;
  for (off_t i = off; i < total; i++) {
    char name[64];
    struct stat st;
    memset(&st, 0, sizeof(st));
    if (i == 0) { strcpy(name, "."); st.st_ino = ino; st.st_mode = S_IFDIR; }
    else if (i == 1) { strcpy(name, ".."); st.st_ino = ROOT; st.st_mode = S_IFDIR; }
    else if (ino == DIR_INO) {
      snprintf(name, sizeof(name), "entry-%03d.dat", (int) i - 2);
      st.st_ino = FIRST_CHILD + i - 2;
      st.st_mode = S_IFREG;
    } else {
      static const char *names[] = {"hot.txt", "dir", "big.bin"};
      static const fuse_ino_t inos[] = {HOT, DIR_INO, BIG};
      strcpy(name, names[i - 2]);
      st.st_ino = inos[i - 2];
      st.st_mode = inos[i - 2] == DIR_INO ? S_IFDIR : S_IFREG;
    }
    size_t n = fuse_add_direntry(req, buf + used, size - used, name, &st, i + 1);
    if (n > size - used) break;
    used += n;
  }
  fuse_reply_buf(req, buf, used);
  free(buf);
}

static void ll_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi) {
  (void) ino;
  fuse_reply_open(req, fi);
}

static void ll_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
                    struct fuse_file_info *fi) {
  (void) fi;
  const char *data = ino == BIG ? big : ino == HOT ? hot_data : NULL;
  size_t len = ino == BIG ? big_size : ino == HOT ? 3 : 0;
  if (!data || (size_t) off >= len) {
    fuse_reply_buf(req, NULL, 0);
    return;
  }
  if (off + size > len) size = len - off;
  fuse_reply_buf(req, data + off, size);
}

static const struct fuse_lowlevel_ops ops = {
  .lookup = ll_lookup, .getattr = ll_getattr, .opendir = ll_opendir,
  .readdir = ll_readdir, .open = ll_open, .read = ll_read,
};

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s MOUNTPOINT TIMEOUT_SECONDS BIG_MIB [-s]\n", argv[0]);
    return 2;
  }
  timeout = atof(argv[2]);
  big_size = (size_t) atol(argv[3]) << 20;
  big = malloc(big_size ? big_size : 1);
  for (size_t i = 0; i < big_size; i++) big[i] = (char) (i * 31 + 7);
  int single = argc > 4 && !strcmp(argv[4], "-s");
  char *fargs[] = {argv[0], "-o", "fsname=memfs_ref,subtype=memfs_ref", NULL};
  struct fuse_args args = FUSE_ARGS_INIT(3, fargs);
  struct fuse_session *se = fuse_session_new(&args, &ops, sizeof(ops), NULL);
  if (!se || fuse_set_signal_handlers(se) || fuse_session_mount(se, argv[1])) return 1;
  printf("READY\n");
  fflush(stdout);
  struct fuse_loop_config *cfg = fuse_loop_cfg_create();
  int rc = single ? fuse_session_loop(se) : fuse_session_loop_mt(se, cfg);
  fuse_session_unmount(se);
  fuse_remove_signal_handlers(se);
  fuse_session_destroy(se);
  return rc;
}

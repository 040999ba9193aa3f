package dev.transfuse.service.mounts;

import dev.transfuse.mount.fs.MountStatistics;
import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.net.URI;
import java.net.URLConnection;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API for mounts ({@code /api/v1/mounts}); thin, the service holds the logic. */
@RestController
@RequestMapping("/api/v1/mounts")
public class MountController {
  private final MountService mounts;
  private final StoreFiles files;

  public MountController(MountService mounts, StoreFiles files) {
    this.mounts = mounts;
    this.files = files;
  }

  @PostMapping
  public ResponseEntity<MountView> create(@RequestBody MountRequest request) {
    if (request == null) {
      throw new ApiException(Problem.INVALID_REQUEST, "a JSON body describing the mount is"
          + " required");
    }
    MountView created = mounts.create(request);
    return ResponseEntity.created(URI.create("/api/v1/mounts/" + created.name())).body(created);
  }

  @GetMapping
  public List<MountView> list() {
    return mounts.list();
  }

  @GetMapping("/{name}")
  public MountView get(@PathVariable String name) {
    return mounts.get(name);
  }

  @DeleteMapping("/{name}")
  public ResponseEntity<Void> delete(@PathVariable String name,
      @RequestParam(defaultValue = "false") boolean force) {
    mounts.delete(name, force);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{name}/files")
  public List<FileView> files(@PathVariable String name,
      @RequestParam(defaultValue = "/") String path) {
    return files.list(name, path);
  }

  @GetMapping("/{name}/content")
  public ResponseEntity<Resource> content(@PathVariable String name, @RequestParam String path,
      @RequestParam(defaultValue = "false") boolean download) {
    StoreFiles.Content c = files.content(name, path);
    String type = URLConnection.guessContentTypeFromName(c.resource().getFilename());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM
        : MediaType.parseMediaType(type));
    headers.setContentDisposition((download ? ContentDisposition.attachment()
        : ContentDisposition.inline()).filename(c.resource().getFilename(),
            java.nio.charset.StandardCharsets.UTF_8).build());
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (!c.attributes().changeToken().isEmpty()) {
      headers.setETag("\"" + c.attributes().changeToken().replace("\"", "") + "\"");
    }
    headers.setLastModified(c.attributes().modified());
    return ResponseEntity.ok().headers(headers).body(c.resource());
  }

  @GetMapping("/{name}/stats")
  public MountStatistics stats(@PathVariable String name) {
    return mounts.mounted(name).statistics();
  }

  /** eBPF: per category, how much the kernel served and what reached the daemon. */
  @GetMapping("/{name}/kernel-stats")
  public dev.transfuse.mount.probe.KernelStats kernelStats(@PathVariable String name) {
    return mounts.kernelStats(name);
  }

  @PostMapping("/{name}/invalidate")
  public Map<String, String> invalidate(@PathVariable String name,
      @RequestParam(defaultValue = "/") String path) {
    String p = PathSafety.canonical(path);
    mounts.mounted(name).invalidate(p);
    return Map.of("invalidated", p);
  }

  /** Listing and reading through a mount's cache, kept inside the mount. */
  @org.springframework.stereotype.Component
  public static class StoreFiles {
    private final MountService mounts;

    public StoreFiles(MountService mounts) {
      this.mounts = mounts;
    }

    record Content(StoreFileResource resource, FileAttributes attributes) {}

    List<FileView> list(String name, String rawPath) {
      String path = PathSafety.canonical(rawPath);
      StoreMount sm = mounts.mounted(name);
      LocalRoots.requireInside(mounts.get(name), path);
      try {
        FileAttributes a = path.equals("/") ? FileAttributes.directory(java.time.Instant.EPOCH)
            : sm.cache().stat(path).orElseThrow(() -> notFound(name, path));
        if (!a.isDirectory()) {
          throw new ApiException(Problem.INVALID_PATH, path + " is a file; use /content to read"
              + " it", Map.of("field", "path"), null);
        }
        List<DirEntry> entries = sm.cache().list(path);
        return entries.stream().map(e -> new FileView(e.name(),
            (path.equals("/") ? "" : path) + "/" + e.name(),
            e.attributes().isDirectory() ? "directory" : "file",
            e.attributes().size(), e.attributes().modified())).toList();
      } catch (StoreException e) {
        throw storeProblem(name, path, e);
      }
    }

    Content content(String name, String rawPath) {
      String path = PathSafety.canonical(rawPath);
      StoreMount sm = mounts.mounted(name);
      LocalRoots.requireInside(mounts.get(name), path);
      try {
        FileAttributes a = sm.cache().stat(path).orElseThrow(() -> notFound(name, path));
        if (a.isDirectory()) {
          throw new ApiException(Problem.INVALID_PATH, path + " is a directory; use /files to"
              + " list it", Map.of("field", "path"), null);
        }
        return new Content(new StoreFileResource(sm.cache(), path, a.size()), a);
      } catch (StoreException e) {
        throw storeProblem(name, path, e);
      }
    }

    private static ApiException notFound(String name, String path) {
      return new ApiException(Problem.FILE_NOT_FOUND, "mount '" + name + "' has nothing at "
          + path);
    }

    private static ApiException storeProblem(String name, String path, StoreException e) {
      return switch (e.kind()) {
        case NOT_FOUND -> notFound(name, path);
        case NOT_A_DIRECTORY -> new ApiException(Problem.INVALID_PATH, e.getMessage());
        case ACCESS_DENIED -> new ApiException(Problem.STORE_REFUSED, e.getMessage(), e);
        case UNAVAILABLE -> new ApiException(Problem.STORE_UNREACHABLE, e.getMessage(), e);
        default -> new ApiException(Problem.STORE_ERROR, e.getMessage(), e);
      };
    }
  }
}

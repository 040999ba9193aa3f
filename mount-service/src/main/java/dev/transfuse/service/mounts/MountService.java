package dev.transfuse.service.mounts;

import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.service.probe.KernelProbeService;
import dev.transfuse.service.security.CredentialCipher;
import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The mounts: creating (validated, probed, mounted, then persisted), listing, and removing them.
 * A create that fails at any step leaves nothing behind: no definition, no mount, no directory it
 * made. Live state is kept per name in {@link ManagedMount}s; the {@link Reconciler} keeps them
 * matching the definitions.
 */
@Service
public class MountService {
  private static final Logger log = LoggerFactory.getLogger(MountService.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> SCHEMES = Set.of("s3", "sftp", "http", "https", "file");

  private final MountRepository repository;
  private final MountFactory factory;
  private final MountPointPolicy mountPoints;
  private final CredentialCipher cipher;
  private final KernelProbeService probe;
  private final Clock clock;
  private final ConcurrentHashMap<String, ManagedMount> live = new ConcurrentHashMap<>();

  public MountService(MountRepository repository, MountFactory factory,
      MountPointPolicy mountPoints, CredentialCipher cipher, KernelProbeService probe) {
    this.repository = repository;
    this.probe = probe;
    this.factory = factory;
    this.mountPoints = mountPoints;
    this.cipher = cipher;
    this.clock = Clock.systemUTC();
  }

  public MountView create(MountRequest req) {
    String name = requireName(req.name());
    String source = requireSource(req.source());
    if (live.containsKey(name)) {
      throw nameInUse(name);
    }
    Map<String, String> creds = req.credentials() == null ? Map.of() : req.credentials();
    Map<String, String> options = req.options() == null ? Map.of() : new TreeMap<>(req.options());
    // Options first: a bad one must not leave a directory behind.
    factory.settings(new MountDefinition(name, source, "/", false, options, null, Instant.EPOCH));
    MountPointPolicy.Checked mp = mountPoints.check(req.mountPoint());
    MountDefinition d = new MountDefinition(name, source, mp.path().toString(),
        Boolean.TRUE.equals(req.readOnly()), options,
        creds.isEmpty() ? null : cipher.encrypt(creds), clock.instant());
    ManagedMount m = new ManagedMount(d, mp.created());
    if (live.putIfAbsent(name, m) != null || repository.findByName(name).isPresent()) {
      live.remove(name, m);
      undoDirectory(m);
      throw nameInUse(name);
    }
    for (ManagedMount other : live.values()) {
      if (other != m && other.definition.mountPoint().equals(d.mountPoint())) {
        live.remove(name, m);
        undoDirectory(m);
        throw new ApiException(Problem.MOUNT_POINT_IN_USE, d.mountPoint()
            + " is used by mount '" + other.definition.name() + "'",
            Map.of("field", "mountPoint"), null);
      }
    }
    try {
      StoreMount sm = factory.mount(d);
      try {
        repository.insert(d);
      } catch (RuntimeException e) {
        sm.close();
        throw e;
      }
      m.mounted(sm, probe.register(sm), clock.instant());
      log.info("mounted '{}' ({}) on {}", name, m.view().source(), d.mountPoint());
      return m.view();
    } catch (RuntimeException e) {
      live.remove(name, m);
      undoDirectory(m);
      throw e;
    }
  }

  public List<MountView> list() {
    return live.values().stream().map(ManagedMount::view)
        .sorted(java.util.Comparator.comparing(MountView::name)).toList();
  }

  public MountView get(String name) {
    return managed(name).view();
  }

  /** The live mount behind {@code name}, or a 409 when it is not mounted now. */
  public StoreMount mounted(String name) {
    ManagedMount m = managed(name);
    StoreMount sm = m.mount();
    if (sm == null) {
      throw new ApiException(Problem.NOT_MOUNTED, "mount '" + name + "' is " + m.state()
          + (m.view().reason() == null ? "" : ": " + m.view().reason()));
    }
    return sm;
  }

  /**
   * Unmounts and forgets {@code name}. A mount something still uses is refused (409, naming the
   * processes) unless {@code force}, which detaches it lazily and ends its connection.
   */
  public void delete(String name, boolean force) {
    ManagedMount m = managed(name);
    Path mp = Path.of(m.definition.mountPoint());
    if (!force) {
      List<String> holders = BusyHolders.of(mp);
      if (!holders.isEmpty()) {
        throw new ApiException(Problem.MOUNT_BUSY, mp + " is in use by " + String.join(", ",
            holders) + "; close them or delete with ?force=true", Map.of("holders", holders),
            null);
      }
    }
    StoreMount sm = m.unmounting();
    if (sm != null) {
      sm.close();
    }
    repository.delete(name);
    live.remove(name, m);
    removeCache(m.definition);
    log.info("removed mount '{}' from {}", name, mp);
  }

  /**
   * A forgotten mount's disk cache goes too, unless it still holds writes the store never
   * confirmed (close() tried a last upload): those are kept for the user to recover.
   */
  private void removeCache(MountDefinition d) {
    Path dir = factory.settings(d).cache().cacheDir();
    Path staging = dir.resolve("staging");
    try {
      if (Files.isDirectory(staging)) {
        try (java.util.stream.Stream<Path> s = Files.list(staging)) {
          if (s.anyMatch(p -> p.toString().endsWith(".data"))) {
            log.warn("mount '{}' removed, but {} holds writes never uploaded; kept", d.name(),
                staging);
            return;
          }
        }
      }
      if (Files.exists(dir)) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      log.warn("could not remove the cache of '{}' in {}: {}", d.name(), dir, e.getMessage());
    }
  }

  Collection<ManagedMount> managedMounts() {
    return live.values();
  }

  /** Registers a persisted definition at startup (the reconciler mounts it). */
  ManagedMount restore(MountDefinition d) {
    ManagedMount m = new ManagedMount(d, false);
    ManagedMount existing = live.putIfAbsent(d.name(), m);
    return existing != null ? existing : m;
  }

  MountFactory factory() {
    return factory;
  }

  KernelProbeService probe() {
    return probe;
  }

  /** What the kernel served for mount {@code name}, and what reached the daemon (eBPF). */
  public dev.transfuse.mount.probe.KernelStats kernelStats(String name) {
    return probe.stats(managed(name).probed());
  }

  /** Unmounts everything (service shutdown); definitions stay for the next start. */
  public void unmountAll() {
    for (ManagedMount m : live.values()) {
      StoreMount sm = m.unmounting();
      if (sm != null) {
        try {
          sm.close();
        } catch (RuntimeException e) {
          log.warn("unmounting '{}' failed: {}", m.definition.name(), e.getMessage());
        }
      }
    }
  }

  private ManagedMount managed(String name) {
    ManagedMount m = live.get(name);
    if (m == null) {
      throw new ApiException(Problem.MOUNT_NOT_FOUND, "no mount named '" + name + "'");
    }
    return m;
  }

  private void undoDirectory(ManagedMount m) {
    if (m.createdMountPoint) {
      try {
        Files.deleteIfExists(Path.of(m.definition.mountPoint()));
      } catch (java.io.IOException e) {
        log.debug("could not remove {}: {}", m.definition.mountPoint(), e.getMessage());
      }
    }
  }

  private static String requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ApiException(Problem.INVALID_REQUEST, "name must be 1-64 characters of letters,"
          + " digits, '.', '_' or '-', starting with a letter or digit; was "
          + (name == null ? "missing" : "'" + name + "'"), Map.of("field", "name"), null);
    }
    return name;
  }

  private static String requireSource(String source) {
    if (source == null || source.isBlank()) {
      throw sourceProblem("source is required (s3://, sftp://, http(s):// or file:// URI)");
    }
    URI u;
    try {
      u = new URI(source.trim());
    } catch (URISyntaxException e) {
      throw sourceProblem("source is not a valid URI: " + e.getMessage());
    }
    if (u.getScheme() == null || !SCHEMES.contains(u.getScheme().toLowerCase())) {
      throw sourceProblem("unknown source type '" + u.getScheme() + "'; use s3://, sftp://,"
          + " http://, https:// or file://");
    }
    if (u.getUserInfo() != null && u.getUserInfo().contains(":")) {
      throw sourceProblem("put passwords in credentials, not in the source URI");
    }
    return u.toString();
  }

  private static ApiException nameInUse(String name) {
    return new ApiException(Problem.NAME_IN_USE, "a mount named '" + name + "' exists",
        Map.of("field", "name"), null);
  }

  private static ApiException sourceProblem(String detail) {
    return new ApiException(Problem.INVALID_SOURCE, detail, Map.of("field", "source"), null);
  }
}

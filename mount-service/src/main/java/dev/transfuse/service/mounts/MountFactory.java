package dev.transfuse.service.mounts;

import dev.transfuse.fuse.mount.MountException;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.service.config.TransfuseProperties;
import dev.transfuse.service.security.CredentialCipher;
import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import jnr.posix.POSIXFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a definition into a live mount: decrypts its credentials, parses its options, opens and
 * probes the store, and mounts it. Each failure becomes the {@link ApiException} the create call
 * answers with: a bad option 400, a store that cannot be reached or refuses 502, a mountpoint in
 * use 409.
 */
@Component
class MountFactory {
  private final TransfuseProperties props;
  private final CredentialCipher cipher;
  private final int uid;
  private final int gid;

  MountFactory(TransfuseProperties props, CredentialCipher cipher) {
    this.props = props;
    this.cipher = cipher;
    var posix = POSIXFactory.getNativePOSIX();
    this.uid = posix.geteuid();
    this.gid = posix.getegid();
  }

  /** Checks options and source without touching the store. */
  MountSettings settings(MountDefinition d) {
    return MountSettings.parse(d, props.cacheRoot().resolve(d.name()), uid, gid);
  }

  StoreMount mount(MountDefinition d) {
    MountSettings s = settings(d);
    Map<String, String> credentials = d.encryptedCredentials() == null
        ? Map.of() : cipher.decrypt(d.encryptedCredentials());
    Store store = open(d, s, credentials);
    try {
      SessionOptions session = SessionOptions.defaults(fsName(d)).withMount(
          SessionOptions.defaults(fsName(d)).mount().withAllowOther(s.allowOther()));
      return StoreMount.mount(store, s.cache(), s.bridge(), Path.of(d.mountPoint()), session);
    } catch (MountException e) {
      store.close();
      boolean busy = e.getMessage() != null && e.getMessage().contains("busy");
      throw new ApiException(busy ? Problem.MOUNT_POINT_IN_USE : Problem.MOUNT_FAILED,
          e.getMessage(), Map.of("field", "mountPoint"), e);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw new ApiException(Problem.MOUNT_FAILED, "mounting " + d.mountPoint() + " failed: "
          + e.getMessage(), e);
    }
  }

  private static Store open(MountDefinition d, MountSettings s, Map<String, String> creds) {
    URI source = URI.create(d.source());
    try {
      return Stores.open(source, s.storeOptions(), creds);
    } catch (IllegalArgumentException e) {
      throw new ApiException(Problem.INVALID_OPTION, e.getMessage(), Map.of("field", "options"),
          e);
    } catch (StoreException e) {
      Problem p = switch (e.kind()) {
        case UNAVAILABLE -> Problem.STORE_UNREACHABLE;
        case ACCESS_DENIED, NOT_FOUND, NOT_A_DIRECTORY -> Problem.STORE_REFUSED;
        default -> Problem.STORE_ERROR;
      };
      throw new ApiException(p, Stores.redact(source) + ": " + e.getMessage(), e);
    }
  }

  /** What df and /proc/mounts show as the source: the scheme and host or bucket, no secrets. */
  private static String fsName(MountDefinition d) {
    URI u = URI.create(d.source());
    String host = u.getHost() != null ? u.getHost() : u.getAuthority();
    String name = u.getScheme() + ":" + (host == null ? d.name() : host);
    return name.replaceAll("[,\\s\\\\]", "_");
  }
}

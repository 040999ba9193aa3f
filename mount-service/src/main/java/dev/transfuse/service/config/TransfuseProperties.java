package dev.transfuse.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings ({@code transfuse.*}).
 *
 * @param stateDir database, disk caches, API token and credential key
 * @param mountRoots directories under which mountpoints may be created; empty: none allowed
 * @param probeInterval how often the reconciler checks each mount
 * @param probeTimeout how long a mount may take to answer statfs before it counts as hung
 * @param credentialsKeyFile the credential encryption key, if not {@code stateDir/credentials.key}
 */
@ConfigurationProperties("transfuse")
public record TransfuseProperties(
    Path stateDir,
    @DefaultValue List<Path> mountRoots,
    @DefaultValue("10s") Duration probeInterval,
    @DefaultValue("5s") Duration probeTimeout,
    Path credentialsKeyFile) {

  public TransfuseProperties {
    if (stateDir == null) {
      stateDir = Path.of(System.getProperty("user.home"), ".local", "share", "transfuse");
    }
    stateDir = stateDir.toAbsolutePath().normalize();
    mountRoots = mountRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  public Path cacheRoot() {
    return stateDir.resolve("cache");
  }
}

package dev.transfuse.service.mounts;

import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.service.config.TransfuseProperties;
import dev.transfuse.service.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.io.File;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes reality match the definitions: mounts every stored definition at startup, and every
 * {@code probeInterval} checks each mount with a statfs that must answer within
 * {@code probeTimeout}. A mount whose daemon side died, that was unmounted behind our back, or
 * that hangs is lazily unmounted and mounted again (counted in {@code restarts}, with the reason
 * in {@code lastError}); a FAILED one is retried. Shutdown unmounts everything, leaving the
 * definitions for the next start (unlike rclone's rc, which forgets its mounts).
 */
@Component
class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final MountService mounts;
  private final MountRepository repository;
  private final TransfuseProperties props;
  /** Probes run here so that a hung mount blocks a probe thread, never the scheduler. */
  private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mount-probe");
    t.setDaemon(true);
    return t;
  });

  Reconciler(MountService mounts, MountRepository repository, TransfuseProperties props) {
    this.mounts = mounts;
    this.repository = repository;
    this.props = props;
  }

  @EventListener(ApplicationReadyEvent.class)
  void restoreAll() {
    for (MountDefinition d : repository.findAll()) {
      ManagedMount m = mounts.restore(d);
      probes.execute(() -> mountNow(m));
    }
  }

  @Scheduled(fixedDelayString = "${transfuse.probe-interval:10s}",
      initialDelayString = "${transfuse.probe-interval:10s}")
  void probeAll() {
    for (ManagedMount m : mounts.managedMounts()) {
      switch (m.state()) {
        case MOUNTED -> check(m);
        case FAILED -> mountNow(m);
        default -> { }
      }
    }
  }

  /** Checks one mount now; remounts it if it is dead or hung. */
  void check(ManagedMount m) {
    StoreMount sm = m.mount();
    if (sm == null) {
      return;
    }
    String problem = null;
    if (!sm.session().isAlive()) {
      problem = "the mount's connection ended (unmounted outside transfuse, or aborted)";
    } else {
      Future<Long> statfs = probes.submit(() -> new File(m.definition.mountPoint()).getTotalSpace());
      try {
        if (statfs.get(props.probeTimeout().toMillis(), TimeUnit.MILLISECONDS) == 0L) {
          problem = "statfs of the mountpoint failed";
        }
      } catch (TimeoutException e) {
        statfs.cancel(true);
        problem = "statfs did not answer within " + props.probeTimeout() + " (hung)";
      } catch (Exception e) {
        problem = "statfs failed: " + e.getMessage();
      }
    }
    if (problem != null) {
      log.warn("mount '{}' on {}: {}; mounting it again", m.definition.name(),
          m.definition.mountPoint(), problem);
      StoreMount old = m.restarting(problem);
      if (old != null) {
        old.close(); // lazy unmount, and abort if something is stuck in it
      }
      mountNow(m);
    }
  }

  private void mountNow(ManagedMount m) {
    if (m.state() == MountState.UNMOUNTING) {
      return;
    }
    m.mounting();
    try {
      StoreMount sm = mounts.factory().mount(m.definition);
      m.mounted(sm, mounts.probe().register(sm), Instant.now());
      log.info("mounted '{}' on {}", m.definition.name(), m.definition.mountPoint());
    } catch (ApiException e) {
      m.failed(e.getMessage());
      log.warn("mount '{}' failed: {}", m.definition.name(), e.getMessage());
    } catch (RuntimeException e) {
      m.failed(String.valueOf(e.getMessage()));
      log.warn("mount '{}' failed", m.definition.name(), e);
    }
  }

  @PreDestroy
  void shutdown() {
    mounts.unmountAll();
    probes.shutdownNow();
  }
}

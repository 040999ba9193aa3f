package dev.transfuse.service.metrics;

import dev.transfuse.service.mounts.MountService;
import dev.transfuse.service.mounts.MountState;
import dev.transfuse.service.mounts.MountView;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mounts}: one indicator per mount, UP when mounted, DOWN with the reason
 * when failed, OUT_OF_SERVICE while (re)mounting. Mounts come and go, so the composite is asked
 * for its members each time.
 */
@Component("mounts")
public class MountsHealth implements CompositeHealthContributor {
  private final MountService mounts;

  public MountsHealth(MountService mounts) {
    this.mounts = mounts;
  }

  @Override
  public HealthContributor getContributor(String name) {
    return mounts.list().stream().filter(m -> m.name().equals(name)).findFirst()
        .map(MountsHealth::indicator).orElse(null);
  }

  @Override
  public Stream<HealthContributors.Entry> stream() {
    return mounts.list().stream()
        .map(m -> new HealthContributors.Entry(m.name(), indicator(m)));
  }

  private static HealthIndicator indicator(MountView m) {
    return () -> {
      Health.Builder b = m.state() == MountState.MOUNTED ? Health.up()
          : m.state() == MountState.FAILED ? Health.down() : Health.outOfService();
      b.withDetail("state", m.state()).withDetail("mountPoint", m.mountPoint())
          .withDetail("restarts", m.restarts());
      if (m.reason() != null) {
        b.withDetail("reason", m.reason());
      }
      return b.build();
    };
  }
}

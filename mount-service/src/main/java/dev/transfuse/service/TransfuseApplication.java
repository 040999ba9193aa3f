package dev.transfuse.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The transfuse service: owns the mounts and serves the REST API, the UI and the metrics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TransfuseApplication {

  public static ConfigurableApplicationContext start(String... args) {
    return start(true, args);
  }

  /**
   * @param shutdownHook whether Spring closes the context on JVM exit by itself; a caller that
   *     must order its own clean-up after the unmounts registers its own hook instead
   */
  public static ConfigurableApplicationContext start(boolean shutdownHook, String... args) {
    SpringApplication app = new SpringApplication(TransfuseApplication.class);
    app.setRegisterShutdownHook(shutdownHook);
    return app.run(args);
  }
}

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
    SpringApplication app = new SpringApplication(TransfuseApplication.class);
    return app.run(args);
  }
}

package dev.transfuse.service.config;

import dev.transfuse.service.cli.TransfuseCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the service's address to {@code stateDir/service.url} once the server listens (the
 * port may be random), so the CLI finds the service without being told; removed on shutdown.
 */
@Component
class ServiceUrlFile {
  private static final Logger log = LoggerFactory.getLogger(ServiceUrlFile.class);

  private final Path file;
  private final String address;

  ServiceUrlFile(TransfuseProperties props, @Value("${server.address:127.0.0.1}") String address) {
    this.file = props.stateDir().resolve(TransfuseCommand.URL_FILE);
    this.address = address;
  }

  @EventListener
  void listening(WebServerInitializedEvent e) throws IOException {
    Files.createDirectories(file.getParent());
    String host = address.contains(":") ? "[" + address + "]" : address;
    Files.writeString(file, "http://" + host + ":" + e.getWebServer().getPort() + "\n");
    log.info("transfuse service at http://{}:{} (state dir {})", host,
        e.getWebServer().getPort(), file.getParent());
  }

  @EventListener(ContextClosedEvent.class)
  void closed() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale file only points the CLI at a dead address, which it reports
    }
  }
}

package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service keeps its mount definitions in PostgreSQL when told to by configuration alone: a
 * private PostgreSQL server, {@code bin/transfuse serve --spring.datasource.url=...}, a mount
 * made through the CLI, its row (credentials encrypted) in PostgreSQL and no H2 file in the state
 * directory, and a restart that brings the mount back from PostgreSQL.
 */
class PostgresIT {

  @Test
  void mountDefinitionsLiveInPostgresqlAndSurviveARestart(@TempDir Path tmp) throws Exception {
    try (PostgresServer pg = PostgresServer.start();
        S3ProxyServer s3 = S3ProxyServer.startInMemory()) {
      s3.createBucket("pgstore");
      BlobStore b = s3.blobStore();
      b.putBlob("pgstore", b.blobBuilder("hello.txt").payload("hello pg\n".getBytes()).build());
      Path state = tmp.resolve("state");
      Path roots = Files.createDirectories(tmp.resolve("mnt"));
      Path mp = roots.resolve("pg");
      Path secret = Files.writeString(tmp.resolve("secret"), S3ProxyServer.SECRET_KEY + "\n");
      String sd = "--state-dir=" + state;
      String[] serve = {sd, "serve", "--port", "0", "--mount-roots", roots.toString(),
          "--spring.datasource.url=" + pg.jdbcUrl(), "--spring.datasource.username=postgres",
          "--transfuse.kernel-probe.enabled=false"};
      Process service = TransfuseProcess.start(tmp.resolve("serve.log"), tmp, serve);
      try {
        TransfuseProcess.awaitLog(tmp.resolve("serve.log"), "Started Main",
            Duration.ofSeconds(120), service);
        TransfuseProcess.Result mounted = TransfuseProcess.run(sd, "mount", "s3://pgstore",
            mp.toString(), "--name", "pg", "-o", "endpoint=" + s3.endpoint(),
            "-o", "pathStyle=true", "--access-key", S3ProxyServer.ACCESS_KEY,
            "--secret-key-file", secret.toString());
        assertThat(mounted.exit()).as(mounted.err()).isZero();
        assertThat(Files.readString(mp.resolve("hello.txt"))).isEqualTo("hello pg\n");

        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
            ResultSet rs = c.createStatement().executeQuery(
                "SELECT source, mount_point, credentials FROM mounts WHERE name = 'pg'")) {
          assertThat(rs.next()).as("the definition is a row in PostgreSQL").isTrue();
          assertThat(rs.getString("source")).isEqualTo("s3://pgstore");
          assertThat(rs.getString("mount_point")).isEqualTo(mp.toString());
          byte[] credentials = rs.getBytes("credentials");
          assertThat(credentials).isNotEmpty();
          assertThat(new String(credentials, StandardCharsets.ISO_8859_1))
              .as("credentials are stored encrypted").doesNotContain(S3ProxyServer.SECRET_KEY)
              .doesNotContain(S3ProxyServer.ACCESS_KEY);
        }
        try (var files = Files.walk(state)) {
          assertThat(files.map(Path::toString)).as("no H2 database besides PostgreSQL")
              .noneMatch(p -> p.endsWith(".mv.db"));
        }

        TransfuseProcess.stop(service);
        assertThat(MountTable.at(mp)).as("shutdown unmounts").isEmpty();
        service = TransfuseProcess.start(tmp.resolve("serve2.log"), tmp, serve);
        TransfuseProcess.awaitLog(tmp.resolve("serve2.log"), "mounted 'pg'",
            Duration.ofSeconds(120), service);
        assertThat(Files.readString(mp.resolve("hello.txt"))).isEqualTo("hello pg\n");
      } finally {
        TransfuseProcess.stop(service);
        if (MountTable.at(mp).isPresent()) {
          new ProcessBuilder("umount", "-l", mp.toString()).start().waitFor();
        }
      }
    }
  }
}

package dev.transfuse.mount.fs;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.MinaSftpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The mount contract over Apache MINA SSHD's SFTP server on loopback. */
class SftpMountTest extends MountedStoreContract {
  private MinaSftpServer server;

  @Override
  Store openStore(Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("served/data"));
    Files.writeString(root.resolve("seed.txt"), "seed\n");
    server = MinaSftpServer.start(tmp.resolve("served"), Files.createDirectories(tmp.resolve("w")));
    return Stores.open(
        URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + server.port() + "/data"),
        Map.of(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString()),
        Map.of(StoreOptions.PASSWORD, MinaSftpServer.PASSWORD));
  }

  @Override
  void stopServer() throws Exception {
    server.close();
  }
}

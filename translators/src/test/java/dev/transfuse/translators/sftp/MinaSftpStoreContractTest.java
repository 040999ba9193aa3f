package dev.transfuse.translators.sftp;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.WritableStoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.MinaSftpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The contract against Apache MINA SSHD's SFTP server in-process, password login. */
class MinaSftpStoreContractTest extends WritableStoreContractTest {
  private MinaSftpServer server;

  @Override
  protected Store start() throws Exception {
    Path work = Files.createTempDirectory("transfuse-mina-");
    Path root = Files.createDirectories(work.resolve("served/data"));
    FixtureTree.write(FixtureTree.into(root));
    server = MinaSftpServer.start(work.resolve("served"), work);
    return Stores.open(
        URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + server.port() + "/data"),
        Map.of(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString()),
        Map.of(StoreOptions.PASSWORD, MinaSftpServer.PASSWORD));
  }

  @Override
  protected void stop() throws Exception {
    server.close();
  }
}

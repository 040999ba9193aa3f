package dev.transfuse.translators.sftp;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.WritableStoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.OpenSshServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The contract against Debian's OpenSSH sshd (internal-sftp), ed25519 key login. */
class OpenSshStoreContractTest extends WritableStoreContractTest {
  private OpenSshServer server;

  @Override
  protected Store start() throws Exception {
    Path work = Files.createTempDirectory("transfuse-openssh-");
    Path root = Files.createDirectories(work.resolve("data"));
    FixtureTree.write(FixtureTree.into(root));
    server = OpenSshServer.start(work);
    return Stores.open(
        URI.create("sftp://" + server.user() + "@127.0.0.1:" + server.port() + root),
        Map.of(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString()),
        Map.of(StoreOptions.PRIVATE_KEY, server.clientPrivateKey()));
  }

  @Override
  protected boolean knowsSpace() {
    return true;
  }

  @Override
  protected void stop() throws Exception {
    server.close();
  }
}

package dev.transfuse.translators.http;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.StoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.LighttpdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The read contract against Debian's lighttpd with mod_dirlisting (rounded sizes: HEADs). */
class LighttpdStoreContractTest extends StoreContractTest {
  private LighttpdServer server;

  @Override
  protected Store start() throws Exception {
    Path work = Files.createTempDirectory("transfuse-lighttpd-");
    Path root = Files.createDirectories(work.resolve("www"));
    FixtureTree.write(FixtureTree.into(root));
    server = LighttpdServer.start(root, work);
    return Stores.open(server.base(), Map.of(), Map.of());
  }

  /** lighttpd serves "/hello.txt/below-a-file" as hello.txt with PATH_INFO "/below-a-file". */
  @Override
  protected boolean pathsBelowFilesAreAbsent() {
    return false;
  }

  @Override
  protected void stop() {
    server.close();
  }
}

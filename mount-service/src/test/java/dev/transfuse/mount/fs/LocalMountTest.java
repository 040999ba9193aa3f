package dev.transfuse.mount.fs;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class LocalMountTest extends MountedStoreContract {
  @Override
  Store openStore(Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("local"));
    Files.writeString(root.resolve("seed.txt"), "seed\n");
    return Stores.open(root.toUri(), Map.of(), Map.of());
  }

  @Override
  void stopServer() {}
}

package dev.transfuse.translators.file;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.WritableStoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The contract against a local directory through {@code file://}. */
class LocalStoreContractTest extends WritableStoreContractTest {
  private Path root;

  @Override
  protected Store start() throws Exception {
    root = Files.createTempDirectory("transfuse-file-");
    FixtureTree.write(FixtureTree.into(root));
    return Stores.open(root.toUri(), Map.of(), Map.of());
  }

  @Override
  protected boolean knowsSpace() {
    return true;
  }

  @Override
  protected void stop() throws Exception {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

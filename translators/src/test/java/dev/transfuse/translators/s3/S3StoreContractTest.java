package dev.transfuse.translators.s3;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.WritableStoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The contract against S3Proxy, with the store rooted at a prefix of the bucket. */
class S3StoreContractTest extends WritableStoreContractTest {
  private S3ProxyServer server;

  @Override
  protected Store start() throws Exception {
    server = S3ProxyServer.startInMemory();
    server.createBucket("contract");
    FixtureTree.write(FixtureTree.into(server.blobStore(), "contract", "root/"));
    Map<String, String> options = new HashMap<>(server.options());
    options.put(StoreOptions.PART_SIZE, "5MiB");
    options.put(StoreOptions.MULTIPART_THRESHOLD, "6MiB");
    return Stores.open(URI.create("s3://contract/root"), options, server.credentials());
  }

  @Override
  protected void stop() throws Exception {
    server.close();
  }
}

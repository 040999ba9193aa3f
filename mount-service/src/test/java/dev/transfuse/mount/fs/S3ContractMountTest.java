package dev.transfuse.mount.fs;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;

/** The mount contract over S3Proxy (objects replaced whole on every change). */
class S3ContractMountTest extends MountedStoreContract {
  private S3ProxyServer server;

  @Override
  Store openStore(Path tmp) throws Exception {
    server = S3ProxyServer.startInMemory();
    server.createBucket("contract");
    var b = server.blobStore();
    b.putBlob("contract", b.blobBuilder("seed.txt").payload("seed\n".getBytes()).build());
    return Stores.open(URI.create("s3://contract"), server.options(), server.credentials());
  }

  @Override
  void stopServer() throws Exception {
    server.close();
  }
}

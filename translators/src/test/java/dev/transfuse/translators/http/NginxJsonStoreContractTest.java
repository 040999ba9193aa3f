package dev.transfuse.translators.http;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.NginxServer;
import java.util.Map;

/** The read contract against Debian's nginx with {@code autoindex_format json}. */
class NginxJsonStoreContractTest extends NginxHtmlStoreContractTest {
  @Override
  protected Store open(NginxServer server) throws Exception {
    return Stores.open(server.json(), Map.of(), Map.of());
  }
}

package dev.transfuse.translators.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.StoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.IndexPageServer;
import dev.transfuse.translators.testing.IndexStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The read contract against the embedded server, once per index-page format that is not nginx:
 * Apache (table, pre, list), python http.server, lighttpd and Caddy JSON.
 */
class IndexPageStoreContractTest {
  abstract static class Style extends StoreContractTest {
    private IndexPageServer server;

    abstract IndexStyle style();

    /** Whether this format's rows carry exact sizes and dates for the fixture's small files. */
    boolean rowsAreComplete() {
      return true;
    }

    @Test
    void listingIsOneRequestWhereThePageHasSizesAndOneHeadPerFileOtherwise() throws Exception {
      long before = server.requests();
      assertThat(store.list("/large")).hasSize(FixtureTree.LARGE_COUNT);
      long used = server.requests() - before;
      assertThat(used).isEqualTo(rowsAreComplete() ? 1 : 1 + FixtureTree.LARGE_COUNT);
    }

    @Override
    protected Store start() throws Exception {
      Path root = Files.createTempDirectory("transfuse-index-" + style() + "-");
      FixtureTree.write(FixtureTree.into(root));
      server = IndexPageServer.start(root, style());
      return Stores.open(server.base(), Map.of(), Map.of());
    }

    @Override
    protected void stop() {
      server.close();
    }
  }

  @Nested
  class ApacheTable extends Style {
    @Override
    IndexStyle style() {
      return IndexStyle.APACHE_TABLE;
    }
  }

  @Nested
  class ApachePre extends Style {
    @Override
    IndexStyle style() {
      return IndexStyle.APACHE_PRE;
    }
  }

  @Nested
  class ApacheList extends Style {
    @Override
    boolean rowsAreComplete() {
      return false;
    }

    @Override
    IndexStyle style() {
      return IndexStyle.APACHE_LIST;
    }
  }

  @Nested
  class Python extends Style {
    @Override
    boolean rowsAreComplete() {
      return false;
    }

    @Override
    IndexStyle style() {
      return IndexStyle.PYTHON;
    }
  }

  @Nested
  class Lighttpd extends Style {
    @Override
    boolean rowsAreComplete() {
      return false;
    }

    @Override
    IndexStyle style() {
      return IndexStyle.LIGHTTPD;
    }
  }

  @Nested
  class CaddyJson extends Style {
    @Override
    IndexStyle style() {
      return IndexStyle.CADDY_JSON;
    }
  }
}

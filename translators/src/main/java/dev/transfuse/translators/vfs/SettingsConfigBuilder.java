package dev.transfuse.translators.vfs;

import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemOptions;

/**
 * VFS options that carry one provider's checked settings as a single value, so the provider
 * never re-parses option text: the part every provider's config builder shares. Subclasses add
 * the singleton VFS asks for and the parsing of a mount's URI and maps into settings.
 *
 * @param <S> the provider's settings type
 */
public abstract class SettingsConfigBuilder<S> extends FileSystemConfigBuilder {
  private static final String SETTINGS = "settings";

  private final Class<? extends FileSystem> fileSystemClass;

  protected SettingsConfigBuilder(String prefix, Class<? extends FileSystem> fileSystemClass) {
    super(prefix);
    this.fileSystemClass = fileSystemClass;
  }

  public void setSettings(FileSystemOptions options, S settings) {
    setParam(options, SETTINGS, settings);
  }

  public S getSettings(FileSystemOptions options) {
    return getParam(options, SETTINGS);
  }

  @Override
  protected Class<? extends FileSystem> getConfigClass() {
    return fileSystemClass;
  }
}

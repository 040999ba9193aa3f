package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException;
import java.util.Collection;
import java.util.List;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractOriginatingFileProvider;
import org.apache.commons.vfs2.provider.GenericURLFileNameParser;

/**
 * Commons VFS provider for {@code sftp://} on Apache MINA SSHD, replacing VFS's JSch-based one
 * (see {@link SftpStore} for why). One {@link SftpFileSystem} (one SSH session with a pool of
 * SFTP channels) per host, user and option set.
 */
public final class SftpFileProvider extends AbstractOriginatingFileProvider {
  static final Collection<Capability> CAPABILITIES = List.of(
      Capability.GET_TYPE, Capability.READ_CONTENT, Capability.LIST_CHILDREN,
      Capability.GET_LAST_MODIFIED, Capability.URI);

  public SftpFileProvider() {
    setFileNameParser(new GenericURLFileNameParser(22));
  }

  @Override
  protected FileSystem doCreateFileSystem(FileName root, FileSystemOptions options)
      throws FileSystemException {
    SftpSettings settings = SftpFileSystemConfigBuilder.getInstance().getSettings(options);
    if (settings == null) {
      throw new FileSystemException("sftp file system needs SftpSettings in its options");
    }
    try {
      return new SftpFileSystem(root, options, new SftpStore(settings));
    } catch (StoreException e) {
      // IsolatedVfs unwraps this cause, so the caller sees ACCESS_DENIED etc., not a VFS error.
      throw new FileSystemException(e.getMessage(), e);
    }
  }

  @Override
  public FileSystemConfigBuilder getConfigBuilder() {
    return SftpFileSystemConfigBuilder.getInstance();
  }

  @Override
  public Collection<Capability> getCapabilities() {
    return CAPABILITIES;
  }
}

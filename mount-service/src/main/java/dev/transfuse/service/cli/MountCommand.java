package dev.transfuse.service.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "mount", mixinStandardHelpOptions = true,
    description = "Mount SOURCE (s3://bucket/prefix, sftp://user@host/path, https://host/dir/,"
        + " file:///path) on MOUNTPOINT.")
final class MountCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "SOURCE") String source;
  @Parameters(index = "1", paramLabel = "MOUNTPOINT") Path mountPoint;
  @Option(names = "--name", description = "mount name (default: the mountpoint's last part)")
  String name;
  @Option(names = "--read-only") boolean readOnly;
  @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
      description = "store or mount option, e.g. -o endpoint=http://127.0.0.1:9000 -o kernelTtl=5m")
  Map<String, String> options = new LinkedHashMap<>();
  @Option(names = "--access-key", description = "S3 access key id") String accessKey;
  @Option(names = "--secret-key-file", description = "file holding the S3 secret key")
  Path secretKeyFile;
  @Option(names = "--profile", description = "AWS profile for S3 credentials") String profile;
  @Option(names = "--password-file", description = "file holding the SFTP password")
  Path passwordFile;
  @Option(names = "--identity-file", description = "SFTP private key file (OpenSSH or PEM)")
  Path identityFile;
  @Option(names = "--passphrase-file", description = "file holding the private key's passphrase")
  Path passphraseFile;

  @Override
  int run(ApiClient api, PrintWriter out) {
    Map<String, String> creds = new LinkedHashMap<>();
    put(creds, "accessKey", accessKey);
    put(creds, "profile", profile);
    put(creds, "secretKey", secret(secretKeyFile));
    put(creds, "password", secret(passwordFile));
    put(creds, "privateKey", secret(identityFile));
    put(creds, "passphrase", secret(passphraseFile));
    Path mp = mountPoint.toAbsolutePath().normalize();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name != null ? name : String.valueOf(mp.getFileName()));
    body.put("source", source);
    body.put("mountPoint", mp.toString());
    body.put("readOnly", readOnly);
    body.put("options", options);
    body.put("credentials", creds);
    JsonNode created = api.post("api/v1/mounts", body);
    if (json()) {
      Output.json(out, created);
    } else {
      out.println("mounted " + created.path("name").asText() + " (" + created.path("source")
          .asText() + ") on " + created.path("mountPoint").asText());
      out.flush();
    }
    return 0;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /** Secrets come from files, never from the command line where ps would show them. */
  private static String secret(Path file) {
    if (file == null) {
      return null;
    }
    try {
      String s = Files.readString(file);
      return s.contains("PRIVATE KEY") ? s : s.strip(); // keys keep their final newline
    } catch (IOException e) {
      throw new CliException(CliException.FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }

}

package dev.transfuse.service.security;

import dev.transfuse.service.config.TransfuseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts mount credentials at rest with AES-256-GCM under a key kept in the state dir
 * ({@code credentials.key}, 0600) or in the file {@code transfuse.credentials-key-file} names.
 * The plaintext is a simple length-prefixed encoding of the map, never JSON that a log could
 * print by accident.
 */
@Component
public class CredentialCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;

  public CredentialCipher(TransfuseProperties props) {
    Path file = props.credentialsKeyFile() != null
        ? props.credentialsKeyFile() : props.stateDir().resolve("credentials.key");
    try {
      byte[] k = SecretFiles.readOrCreate(file, SecretFiles.randomBytes(32));
      if (k.length != 32) {
        throw new IllegalStateException("credential key " + file + " must hold 32 bytes, has "
            + k.length);
      }
      this.key = new SecretKeySpec(k, "AES");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the credential key " + file, e);
    }
  }

  public byte[] encrypt(Map<String, String> credentials) {
    try {
      byte[] iv = SecretFiles.randomBytes(IV_BYTES);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(encode(credentials));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encrypting credentials failed", e);
    }
  }

  public Map<String, String> decrypt(byte[] stored) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
      return decode(c.doFinal(stored, IV_BYTES, stored.length - IV_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored credentials cannot be decrypted with this key"
          + " (was the state dir's credentials.key replaced?)", e);
    }
  }

  private static byte[] encode(Map<String, String> m) {
    ByteBuffer b = ByteBuffer.allocate(size(m));
    b.putInt(m.size());
    m.forEach((k, v) -> {
      byte[] kb = k.getBytes(StandardCharsets.UTF_8);
      byte[] vb = v.getBytes(StandardCharsets.UTF_8);
      b.putInt(kb.length).put(kb).putInt(vb.length).put(vb);
    });
    return b.array();
  }

  private static int size(Map<String, String> m) {
    int n = 4;
    for (Map.Entry<String, String> e : m.entrySet()) {
      n += 8 + e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }

  private static Map<String, String> decode(byte[] plain) {
    ByteBuffer b = ByteBuffer.wrap(plain);
    int n = b.getInt();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[b.getInt()];
      b.get(k);
      byte[] v = new byte[b.getInt()];
      b.get(v);
      m.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8));
    }
    return m;
  }
}

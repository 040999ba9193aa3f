package dev.transfuse.service.mounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mount definitions in the database (H2 file by default; PostgreSQL by configuration). */
@Repository
public class MountRepository {
  private final JdbcClient jdbc;

  public MountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<MountDefinition> findAll() {
    return jdbc.sql("SELECT * FROM mounts ORDER BY name").query(MountRepository::row).list();
  }

  public Optional<MountDefinition> findByName(String name) {
    return jdbc.sql("SELECT * FROM mounts WHERE name = ?").param(name)
        .query(MountRepository::row).optional();
  }

  public void insert(MountDefinition d) {
    jdbc.sql("INSERT INTO mounts (name, source, mount_point, read_only, options_json,"
            + " credentials, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(d.name(), d.source(), d.mountPoint(), d.readOnly(), OptionsCodec.encode(d.options()),
            d.encryptedCredentials(), OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC))
        .update();
  }

  public boolean delete(String name) {
    return jdbc.sql("DELETE FROM mounts WHERE name = ?").param(name).update() > 0;
  }

  private static MountDefinition row(ResultSet rs, int n) throws SQLException {
    Map<String, String> options = new TreeMap<>(OptionsCodec.decode(rs.getString("options_json")));
    Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
    return new MountDefinition(rs.getString("name"), rs.getString("source"),
        rs.getString("mount_point"), rs.getBoolean("read_only"), options,
        rs.getBytes("credentials"), created);
  }
}

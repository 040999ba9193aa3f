package dev.transfuse.service.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** Each kind of API error: a stable type URI, a status and a human title (RFC 9457). */
public enum Problem {
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
  INVALID_MOUNT_POINT(HttpStatus.BAD_REQUEST, "invalid-mount-point", "Invalid mountpoint"),
  INVALID_SOURCE(HttpStatus.BAD_REQUEST, "invalid-source", "Invalid source"),
  INVALID_OPTION(HttpStatus.BAD_REQUEST, "invalid-option", "Invalid option"),
  INVALID_PATH(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path"),
  MOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "mount-not-found", "No such mount"),
  FILE_NOT_FOUND(HttpStatus.NOT_FOUND, "file-not-found", "No such file"),
  NAME_IN_USE(HttpStatus.CONFLICT, "name-in-use", "Mount name in use"),
  MOUNT_POINT_IN_USE(HttpStatus.CONFLICT, "mount-point-in-use", "Mountpoint in use"),
  MOUNT_BUSY(HttpStatus.CONFLICT, "mount-busy", "Mount is busy"),
  NOT_MOUNTED(HttpStatus.CONFLICT, "not-mounted", "Mount is not mounted"),
  STORE_UNREACHABLE(HttpStatus.BAD_GATEWAY, "store-unreachable", "Store unreachable"),
  STORE_REFUSED(HttpStatus.BAD_GATEWAY, "store-refused", "Store refused the request"),
  STORE_ERROR(HttpStatus.BAD_GATEWAY, "store-error", "Store error"),
  MOUNT_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "mount-failed", "Mount failed");

  private static final String BASE = "https://transfuse.dev/problems/";

  private final HttpStatus status;
  private final URI type;
  private final String title;

  Problem(HttpStatus status, String slug, String title) {
    this.status = status;
    this.type = URI.create(BASE + slug);
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }
}

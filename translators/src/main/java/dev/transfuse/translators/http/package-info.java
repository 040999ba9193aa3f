/**
 * {@code http(s)://host/path/}: a read-only Commons VFS provider on Apache HttpClient 5
 * (Provider, FileSystem, FileObject, ConfigBuilder) and {@link
 * dev.transfuse.translators.http.HttpStore}, which lists directories by parsing index pages
 * (nginx HTML and JSON, Apache table/pre/list, Caddy JSON, lighttpd, python http.server). Owns
 * URL encoding, index parsing and HTTP error mapping; HttpClient types never leave it.
 */
package dev.transfuse.translators.http;

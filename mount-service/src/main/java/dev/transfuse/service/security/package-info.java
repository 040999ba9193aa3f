/**
 * The API token (bearer auth for /api) and the encryption of stored credentials. Credentials are
 * write-only: accepted on create, encrypted at rest, never returned or logged.
 */
package dev.transfuse.service.security;

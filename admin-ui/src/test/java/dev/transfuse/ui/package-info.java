/**
 * The web UI tested as a person uses it: Debian's headless Chromium, driven by Selenium, against
 * the real service on a random port with real S3Proxy stores and real FUSE mounts. Tests reach
 * the service only through the browser, except to set up or inspect state through the REST API
 * and the mount table. Each test leaves screenshots in {@code target/screenshots}, fails on any
 * browser console error it did not cause on purpose, and removes every mount it made.
 */
package dev.transfuse.ui;

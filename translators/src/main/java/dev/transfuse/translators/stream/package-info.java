/**
 * The stream wrapper shared by every store's ranged read: length limit, early-close abort and
 * error translation. It knows no store client; stores hand it their transport stream.
 */
package dev.transfuse.translators.stream;

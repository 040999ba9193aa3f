/**
 * The store contract: one abstract suite of expectations every {@code Store} meets, subclassed
 * once per store and server (here and, through the test-jar, in later modules).
 */
package dev.transfuse.translators.contract;

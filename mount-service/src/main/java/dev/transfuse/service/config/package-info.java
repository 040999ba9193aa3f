/** The service's configuration properties. */
package dev.transfuse.service.config;

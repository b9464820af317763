/**
 * JSON mapping of the crmkit model with Jackson.
 *
 * <p>Entry points: {@link io.github.crmkit.model.json.CrmJson}, a ready reader and writer whose errors name the JSON
 * path, line and column of each problem ({@link io.github.crmkit.model.json.CrmJsonException}); and
 * {@link io.github.crmkit.model.json.CrmJacksonModule}, the Jackson module to register on an {@code ObjectMapper}
 * of the host's own.
 *
 * <p>Thread-safety: both entry points are immutable and thread-safe once built.
 */
package io.github.crmkit.model.json;

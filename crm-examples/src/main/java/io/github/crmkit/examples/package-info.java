/**
 * Runnable examples of crmkit, written against the engines' exported API only.
 *
 * <p>Entry point: {@link io.github.crmkit.examples.Demo}, which {@code crm demo} runs.
 */
package io.github.crmkit.examples;

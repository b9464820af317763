/**
 * In-memory implementations of every port in {@code io.github.crmkit.model.port}, for tests, examples and small
 * hosts: {@link io.github.crmkit.testkit.inmemory.InMemoryCustomerRepository},
 * {@link io.github.crmkit.testkit.inmemory.InMemoryLeadRepository},
 * {@link io.github.crmkit.testkit.inmemory.InMemoryOpportunityRepository},
 * {@link io.github.crmkit.testkit.inmemory.InMemoryTransactionSource},
 * {@link io.github.crmkit.testkit.inmemory.InMemoryInteractionSource},
 * {@link io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory},
 * {@link io.github.crmkit.testkit.inmemory.RecordingEventPublisher} and
 * {@link io.github.crmkit.testkit.inmemory.InMemoryConsentRegistry}, plus a
 * {@link io.github.crmkit.testkit.inmemory.MutableClock} for tests that move time.
 *
 * <p>Every implementation passes its port's contract test in {@code io.github.crmkit.testkit.contract}. All are
 * thread-safe.
 */
package io.github.crmkit.testkit.inmemory;

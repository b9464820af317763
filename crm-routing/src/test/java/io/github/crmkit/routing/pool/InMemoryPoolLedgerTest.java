package io.github.crmkit.routing.pool;

/** Runs the {@link PoolLedgerContract} against {@link InMemoryPoolLedger}. */
class InMemoryPoolLedgerTest extends PoolLedgerContract {
  @Override
  protected PoolLedger newLedger() {
    return new InMemoryPoolLedger();
  }
}

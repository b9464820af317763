package io.github.crmkit.routing;

import io.github.crmkit.routing.port.AssignmentLedger;
import io.github.crmkit.routing.port.AssignmentLedgerContract;

class InMemoryAssignmentLedgerTest extends AssignmentLedgerContract {
  @Override
  protected AssignmentLedger newLedger() {
    return new InMemoryAssignmentLedger();
  }
}

package dev.boulevard.docs;

import dev.boulevard.repository.AsOf;
import dev.boulevard.repository.TimeTravelRepository;
import java.time.Instant;
import java.util.Optional;

/** The samples of docs/time-travel.md. */
final class TimeTravelGuide {

  void asOf(TimeTravelRepository<BankAccount> accounts) {
    Optional<BankAccount> then =
        accounts.find("acc-1", AsOf.instant(Instant.parse("2026-01-31T00:00:00Z")));
    BankAccount third = accounts.load("acc-1", AsOf.playhead(2)); // events 0, 1 and 2
  }
}

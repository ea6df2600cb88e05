package dev.boulevard.docs;

import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.wallet.readmodel.CreditsProjector;
import dev.boulevard.wallet.readmodel.WalletCredits;
import java.time.Duration;
import javax.sql.DataSource;

/** The samples of docs/fleet.md. */
final class FleetGuide {

  Projections severalInstances(
      JdbcEventStore store, DataSource dataSource, TrackingProjection credits) {
    Projections projections =
        Projections.builder(store, JdbcReadModelStorage.create(dataSource))
            .node(System.getenv("HOSTNAME")) // a fixed name per instance
            .leaseTime(Duration.ofSeconds(10)) // how soon others take over from a dead instance
            .add(credits) // credits split into 4 segments, say
            .build();
    return projections;
  }

  void segments() {
    TrackingProjection.named("credits")
        .readModel("credits", WalletCredits.class)
        .segments(4)
        .projector(
            models -> new CreditsProjector(models.repository("credits", WalletCredits.class)));
  }
}

package dev.boulevard.eventstore.jdbc;

import dev.boulevard.observation.WatermarkObserver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cost of PostgreSQL's exact tailing visible: when events are stored that readers cannot
 * see yet for more than a second, because an older transaction is still running, it logs which
 * backends hold them back, at most every ten seconds; and tells an observer, if given, how long a
 * hold has lasted at each check and how long it lasted once it ends.
 */
final class WatermarkWatch {

  private static final Logger LOG = LoggerFactory.getLogger(WatermarkWatch.class);
  private static final long CHECK_EVERY = 1_000_000_000L;
  private static final long HELD_FOR = 1_000_000_000L;
  private static final long REPORT_EVERY = 10_000_000_000L;

  private final Jdbi jdbi;
  private final PostgresSql sql;
  private long lastCheck;
  private long heldSince;
  private long lastReport;
  private final WatermarkObserver observer; // null: nobody listens

  WatermarkWatch(Jdbi jdbi, PostgresSql sql, WatermarkObserver observer) {
    this.jdbi = jdbi;
    this.sql = sql;
    this.observer = observer;
  }

  synchronized void check() {
    long now = System.nanoTime();
    if (lastCheck != 0 && now - lastCheck < CHECK_EVERY) {
      return;
    }
    lastCheck = now;
    try {
      if (!held()) {
        released(now);
        return;
      }
      if (heldSince == 0) {
        heldSince = now;
      }
      tellHolding(now);
      if (now - heldSince >= HELD_FOR && (lastReport == 0 || now - lastReport >= REPORT_EVERY)) {
        lastReport = now;
        LOG.warn(
            "Readers of {} have been held back for {} ms by older open transactions: {}",
            sql.table,
            (now - heldSince) / 1_000_000,
            holders());
      }
    } catch (java.sql.SQLException | RuntimeException e) {
      LOG.debug("Could not check the watermark of {}", sql.table, e);
    }
  }

  private void tellHolding(long now) {
    if (observer != null) {
      try {
        observer.holding(sql.table, Duration.ofNanos(now - heldSince));
      } catch (RuntimeException e) {
        LOG.warn("The watermark observer failed; ignored", e);
      }
    }
  }

  /** Ends a hold, if one was seen, and tells the observer how long it lasted. */
  private void released(long now) {
    if (heldSince != 0 && observer != null) {
      try {
        observer.released(sql.table, Duration.ofNanos(now - heldSince));
      } catch (RuntimeException e) {
        LOG.warn("The watermark observer failed; ignored", e);
      }
    }
    heldSince = 0;
  }

  private boolean held() throws java.sql.SQLException {
    return jdbi.withHandle(
        handle -> {
          try (PreparedStatement statement =
                  handle.getConnection().prepareStatement(sql.rowsAboveWatermark());
              ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
          }
        });
  }

  private List<String> holders() throws java.sql.SQLException {
    return jdbi.withHandle(
        handle -> {
          var found = new ArrayList<String>();
          try (PreparedStatement statement =
                  handle.getConnection().prepareStatement(sql.holdersOfWatermark());
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              found.add(
                  "backend "
                      + rs.getInt("pid")
                      + " ("
                      + rs.getString("state")
                      + ", transaction open for "
                      + rs.getString("age")
                      + "): "
                      + rs.getString("query"));
            }
          }
          return found;
        });
  }
}

package dev.boulevard.spring.boot.internal;

import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.saga.Sagas;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the projections and process managers with the application context and stops them, after
 * their current batch, when it closes; a runner cannot start again once stopped. Thread-safe.
 */
public final class Runners implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Runners.class);

  private final Projections projections;
  private final Sagas sagas; // null without process managers
  private final boolean enabled;
  private boolean running;
  private boolean stopped;

  /**
   * Creates the lifecycle of the runners.
   *
   * @param projections the projections' runner
   * @param sagas the process managers' runner, or null if there are none
   * @param enabled whether they run in this instance
   */
  public Runners(Projections projections, @Nullable Sagas sagas, boolean enabled) {
    this.projections = Objects.requireNonNull(projections, "projections");
    this.sagas = sagas;
    this.enabled = enabled;
  }

  @Override
  public synchronized void start() {
    if (running || stopped || !enabled) {
      return;
    }
    projections.start();
    if (sagas != null) {
      try {
        sagas.start();
      } catch (RuntimeException e) {
        projections.close();
        throw e;
      }
    }
    running = true;
    LOG.info(
        "Boulevard started {} projections and {} process managers",
        projections.status().size(),
        sagas == null ? 0 : sagas.status().size());
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    stopped = true;
    try {
      if (sagas != null) {
        sagas.close();
      }
    } finally {
      projections.close();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * {@return the phase: before the web server's, so that the runners start before it takes requests
   * and stop only after it has drained them}
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}

package dev.boulevard.readmodel.projection;

/**
 * What the workers of a slot tell it: each signals its progress; a rebuild's worker also reports to
 * the rebuild, and is promoted once it has caught up. Called on the worker's thread.
 */
final class SlotHooks implements WorkerHooks {

  private final ProjectionSlot slot;
  private final Runnable signal;
  private final RunningRebuild running; // null for a live worker

  SlotHooks(ProjectionSlot slot, Runnable signal, RunningRebuild running) {
    this.slot = slot;
    this.signal = signal;
    this.running = running;
  }

  @Override
  public void progressed() {
    signal.run();
    if (running != null) {
      running.report();
    }
  }

  @Override
  public void afterRead(ProjectionWorker worker, boolean nearlyCaughtUp) {
    if (running != null && (nearlyCaughtUp || slot.levelWithLive(worker))) {
      slot.promote(running);
    }
  }

  @Override
  public void retiredElsewhere(ProjectionWorker worker) {
    slot.resync(worker);
  }

  @Override
  public void leaseLost(ProjectionWorker worker) {
    slot.leaseLost(worker);
  }
}

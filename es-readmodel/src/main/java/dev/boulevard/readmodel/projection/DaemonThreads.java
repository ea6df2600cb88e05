package dev.boulevard.readmodel.projection;

import java.util.concurrent.ThreadFactory;

/**
 * The runner's threads unless the builder was given a factory: daemons named after their task, such
 * as {@code boulevard-projection-<name>-<generation>}. Thread-safe.
 */
final class DaemonThreads implements ThreadFactory {

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, task.toString());
    thread.setDaemon(true);
    return thread;
  }
}

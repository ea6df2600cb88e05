package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.correlation.Causation;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.saga.ProcessAction;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.saga.Reaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a process manager as a tracking projection's projector: for each event it loads its
 * process's state, lets the process manager decide, and writes the new state and the outbox entries
 * in the batch's transaction. Everything is decided and encoded before anything is written, so a
 * failing handler or an unregistered command writes nothing.
 */
final class SagaProjector<S> extends Projector {

  private final ProcessManager<S> manager;
  private final ReadModelRepository<StoredProcess> states;
  private final Outbox outbox;
  private final CommandCodec codec;
  private final ObjectMapper mapper;
  private final Clock clock;

  SagaProjector(
      ProcessManager<S> manager,
      ReadModelRepository<StoredProcess> states,
      Outbox outbox,
      CommandCodec codec,
      ObjectMapper mapper,
      Clock clock) {
    this.manager = manager;
    this.states = states;
    this.outbox = outbox;
    this.codec = codec;
    this.mapper = mapper;
    this.clock = clock;
    manager.eventTypes().forEach(this::route);
  }

  private <E> void route(Class<E> eventType) {
    on(eventType, (E event, DomainMessage message) -> react(message));
  }

  private void react(DomainMessage message) {
    String correlation = manager.correlationOf(message).orElseThrow();
    Optional<S> state = states.find(correlation).map(stored -> read(stored, message));
    Reaction<S> reaction = manager.react(message, state);
    Instant now = clock.instant();
    Causation causation = Causation.of(message);
    List<Runnable> writes = new ArrayList<>();
    for (ProcessAction action : reaction.actions()) {
      if (action instanceof ProcessAction.Dispatch dispatch) {
        OutboxEntry entry = entry(correlation, null, now, dispatch.command(), causation);
        writes.add(() -> outbox.add(entry));
      } else if (action instanceof ProcessAction.Schedule schedule) {
        OutboxEntry entry =
            entry(correlation, schedule.key(), schedule.dueAt(), schedule.command(), causation);
        writes.add(() -> outbox.removeKey(manager.name(), correlation, schedule.key()));
        writes.add(() -> outbox.add(entry));
      } else if (action instanceof ProcessAction.Cancel cancel) {
        writes.add(() -> outbox.removeKey(manager.name(), correlation, cancel.key()));
      }
    }
    Optional<StoredProcess> next =
        reaction.state().map(s -> new StoredProcess(correlation, mapper.valueToTree(s)));
    writes.forEach(Runnable::run);
    next.ifPresentOrElse(states::save, () -> states.remove(correlation));
  }

  private OutboxEntry entry(
      String correlation, String key, Instant dueAt, Object command, Causation causation) {
    Outbox.requireStorable(dueAt); // fails now, before anything is written, if it cannot be kept
    CommandCodec.Encoded encoded = codec.encode(command);
    return new OutboxEntry(
        0,
        manager.name(),
        correlation,
        key,
        dueAt,
        encoded.type(),
        encoded.json(),
        causation,
        0,
        null);
  }

  private S read(StoredProcess stored, DomainMessage message) {
    try {
      return mapper.treeToValue(stored.state(), manager.stateType());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The stored state of process "
              + stored.id()
              + " of "
              + manager.name()
              + " cannot be read as "
              + manager.stateType().getName()
              + " (handling "
              + message.payloadType().getName()
              + " of aggregate "
              + message.aggregateId()
              + " at playhead "
              + message.playhead()
              + "): "
              + e.getMessage(),
          e);
    }
  }
}

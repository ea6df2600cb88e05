package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A read model as queries see it: every call goes to the generation that is live at the time. */
final class LiveReadModel<T extends ReadModel> implements ReadModelRepository<T> {

  private final Supplier<ReadModelRepository<T>> live;

  LiveReadModel(Supplier<ReadModelRepository<T>> live) {
    this.live = live;
  }

  @Override
  public void save(T model) {
    live.get().save(model);
  }

  @Override
  public Optional<T> find(String id) {
    return live.get().find(id);
  }

  @Override
  public List<T> findBy(Map<String, ?> fields) {
    return live.get().findBy(fields);
  }

  @Override
  public List<T> findAll() {
    return live.get().findAll();
  }

  @Override
  public void remove(String id) {
    live.get().remove(id);
  }
}

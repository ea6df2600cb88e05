package dev.boulevard.spring.boot.internal;

import dev.boulevard.eventhandling.EventBus;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventsourcing.MetadataEnrichingEventStreamDecorator;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.spring.boot.AggregateDeclaration;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import dev.boulevard.spring.boot.BoulevardProperties;
import dev.boulevard.tracing.TraceContextEnricher;
import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Registers an {@code EventSourcingRepository<A>} bean, named {@code <declaration>Repository}, for
 * each {@link AggregateDeclaration AggregateDeclaration&lt;A&gt;} bean, typed with its generic so
 * that it is injected by type; unless the application declares a bean of that name, or an {@code
 * EventSourcingRepository<A>} of its own. Stateless.
 */
public final class AggregateRepositories implements BeanDefinitionRegistryPostProcessor {

  /** Creates the registrar. */
  public AggregateRepositories() {}

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry)
      throws BeansException {
    if (!(registry instanceof ConfigurableListableBeanFactory factory)) {
      return;
    }
    for (String name : factory.getBeanNamesForType(AggregateDeclaration.class, true, false)) {
      String repository = name + "Repository";
      Class<?> aggregate = aggregateOf(factory, name);
      ResolvableType type =
          ResolvableType.forClassWithGenerics(EventSourcingRepository.class, aggregate);
      if (registry.containsBeanDefinition(repository)
          || factory.getBeanNamesForType(type, true, false).length > 0) {
        continue; // the application declared its own
      }
      RootBeanDefinition definition = new RootBeanDefinition(EventSourcingRepository.class);
      definition.setTargetType(type);
      definition.setInstanceSupplier(() -> repository(factory, name));
      definition.setRole(BeanDefinition.ROLE_APPLICATION);
      registry.registerBeanDefinition(repository, definition);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

  private static Class<?> aggregateOf(ConfigurableListableBeanFactory factory, String name) {
    ResolvableType declared =
        factory.getMergedBeanDefinition(name).getResolvableType().as(AggregateDeclaration.class);
    Class<?> aggregate = declared.getGeneric(0).resolve();
    if (aggregate == null || aggregate == EventSourcedAggregateRoot.class) {
      // The bean's method returns the raw type: only the instance knows.
      aggregate = factory.getBean(name, AggregateDeclaration.class).type();
    }
    return aggregate;
  }

  private static <A extends EventSourcedAggregateRoot<?>> EventSourcingRepository<A> repository(
      BeanFactory factory, String name) {
    @SuppressWarnings("unchecked")
    AggregateDeclaration<A> declaration = factory.getBean(name, AggregateDeclaration.class);
    List<BoulevardCustomizer> customizers =
        factory.getBeanProvider(BoulevardCustomizer.class).orderedStream().toList();
    String table = factory.getBean(BoulevardProperties.class).getEventStore().getTable();
    EventStore store = factory.getBean(EventStore.class);
    for (BoulevardCustomizer customizer : customizers) {
      store = customizer.repositoryStore(store, table);
    }
    EventSourcingRepository.Builder<A> builder =
        EventSourcingRepository.builder(declaration.type(), store, declaration.factory())
            .eventBus(factory.getBean(EventBus.class))
            // The command's W3C trace context, if any, goes into every event's metadata.
            .decorator(new MetadataEnrichingEventStreamDecorator(new TraceContextEnricher()));
    customizers.forEach(c -> c.repository(builder));
    return builder.build();
  }
}

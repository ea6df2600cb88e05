/** Boulevard's read models: repositories, projections, saga state and the in-memory store. */
module dev.boulevard.readmodel {
  requires transitive dev.boulevard.core;
  requires transitive com.fasterxml.jackson.databind;
  requires dev.boulevard.serializer.jackson;
  requires java.management;
  requires org.slf4j;

  exports dev.boulevard.readmodel;
  exports dev.boulevard.readmodel.inmemory;
  exports dev.boulevard.readmodel.projection;
  exports dev.boulevard.readmodel.saga;
  exports dev.boulevard.readmodel.spi;
}

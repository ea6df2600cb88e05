/**
 * Boulevard's messaging over NATS JetStream.
 *
 * <p>jnats is an automatic module (named in its manifest), hence the suppressed warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.messaging.nats {
  requires transitive dev.boulevard.messaging;
  requires transitive io.nats.jnats;
  requires org.slf4j;

  exports dev.boulevard.messaging.nats;
}

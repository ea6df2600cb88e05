/** Boulevard's broker-neutral messaging: event publication, inbound projections and envelopes. */
module dev.boulevard.messaging {
  requires transitive dev.boulevard.readmodel;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.boulevard.messaging;
}

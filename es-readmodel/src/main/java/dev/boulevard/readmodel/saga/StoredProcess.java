package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.readmodel.ReadModel;

/**
 * The state of one process, stored as a read-model document under its correlation key.
 *
 * @param id the correlation key
 * @param state the process manager's state as a JSON tree, which is not indexed for {@code findBy}
 */
record StoredProcess(String id, JsonNode state) implements ReadModel {}

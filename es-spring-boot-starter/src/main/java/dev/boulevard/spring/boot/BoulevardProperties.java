package dev.boulevard.spring.boot;

import dev.boulevard.eventstore.jdbc.SchemaMode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code boulevard.*} settings of the starter: tables, schema handling, the projections' and
 * process managers' runners, the instance's node name and lease, and the health thresholds.
 * Mutable, as Spring binds it; read it once the context has started.
 */
@ConfigurationProperties("boulevard")
public final class BoulevardProperties {

  private final EventStore eventStore = new EventStore();
  private final Schema schema = new Schema();
  private final Projections projections = new Projections();
  private final ProcessManagers processManagers = new ProcessManagers();
  private final Instance instance = new Instance();
  private final Health health = new Health();

  /** Creates the settings with their defaults. */
  public BoulevardProperties() {}

  /** {@return the event store's settings} */
  public EventStore getEventStore() {
    return eventStore;
  }

  /** {@return how the tables are created or checked} */
  public Schema getSchema() {
    return schema;
  }

  /** {@return the tracking projections' settings} */
  public Projections getProjections() {
    return projections;
  }

  /** {@return the process managers' settings} */
  public ProcessManagers getProcessManagers() {
    return processManagers;
  }

  /** {@return this instance's settings, for several instances on one database} */
  public Instance getInstance() {
    return instance;
  }

  /** {@return the health indicator's thresholds} */
  public Health getHealth() {
    return health;
  }

  /** The event store's settings. */
  public static final class EventStore {

    /** The events table: 1 to 40 letters, digits or underscores, not starting with a digit. */
    private String table = "events";

    /** Creates the settings with their defaults. */
    public EventStore() {}

    /** {@return the events table} */
    public String getTable() {
      return table;
    }

    /** Sets the events table. */
    public void setTable(String table) {
      this.table = table;
    }
  }

  /** How the starter treats the database's tables at start. */
  public static final class Schema {

    /**
     * Whether the tables are created or migrated at start ({@code create}) or only checked, with no
     * DDL run ({@code validate}: for databases that Flyway or a DBA sets up).
     */
    private SchemaMode mode = SchemaMode.CREATE;

    /** Creates the settings with their defaults. */
    public Schema() {}

    /** {@return the schema mode} */
    public SchemaMode getMode() {
      return mode;
    }

    /** Sets the schema mode. */
    public void setMode(SchemaMode mode) {
      this.mode = mode;
    }
  }

  /** The tracking projections' settings. */
  public static final class Projections {

    /** The projections' checkpoint table. */
    private String table = "boulevard_projections";

    /** How many events a projection takes in per transaction. */
    private int batchSize = 500;

    /** Whether the projections run in this instance; when false they are built but not started. */
    private boolean enabled = true;

    /** Creates the settings with their defaults. */
    public Projections() {}

    /** {@return the checkpoint table} */
    public String getTable() {
      return table;
    }

    /** Sets the checkpoint table. */
    public void setTable(String table) {
      this.table = table;
    }

    /** {@return how many events a projection takes in per transaction} */
    public int getBatchSize() {
      return batchSize;
    }

    /** Sets the batch size. */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /** {@return whether the projections run in this instance} */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the projections run in this instance. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The process managers' settings. */
  public static final class ProcessManagers {

    /** The process managers' checkpoint and state table. */
    private String stateTable = "boulevard_sagas";

    /** The process managers' outbox of scheduled commands. */
    private String outboxTable = "boulevard_outbox";

    /** Whether each command is sent keyed by its outbox entry, so a redelivery is answered once. */
    private boolean keyCommands = false;

    /** Creates the settings with their defaults. */
    public ProcessManagers() {}

    /** {@return the state table} */
    public String getStateTable() {
      return stateTable;
    }

    /** Sets the state table. */
    public void setStateTable(String stateTable) {
      this.stateTable = stateTable;
    }

    /** {@return the outbox table} */
    public String getOutboxTable() {
      return outboxTable;
    }

    /** Sets the outbox table. */
    public void setOutboxTable(String outboxTable) {
      this.outboxTable = outboxTable;
    }

    /** {@return whether commands are sent keyed by their outbox entry} */
    public boolean isKeyCommands() {
      return keyCommands;
    }

    /** Sets whether commands are sent keyed. */
    public void setKeyCommands(boolean keyCommands) {
      this.keyCommands = keyCommands;
    }
  }

  /** This instance's place among several on one database. */
  public static final class Instance {

    /**
     * The name under which this instance takes the projections' leases; unset, the JVM's {@code
     * pid@host}. Give each instance of a fleet its own.
     */
    private @Nullable String nodeId;

    /**
     * How long a lease lasts without renewal: another instance takes over a projection this long
     * after this one stopped renewing it.
     */
    private Duration leaseTime = Duration.ofSeconds(10);

    /** Creates the settings with their defaults. */
    public Instance() {}

    /** {@return the node name, or null for the JVM's} */
    public @Nullable String getNodeId() {
      return nodeId;
    }

    /** Sets the node name. */
    public void setNodeId(@Nullable String nodeId) {
      this.nodeId = nodeId;
    }

    /** {@return how long a lease lasts without renewal} */
    public Duration getLeaseTime() {
      return leaseTime;
    }

    /** Sets how long a lease lasts. */
    public void setLeaseTime(Duration leaseTime) {
      this.leaseTime = leaseTime;
    }
  }

  /** The health indicator's thresholds. */
  public static final class Health {

    /**
     * How many positions of the log a projection or process manager may be behind its head before
     * the health is OUT_OF_SERVICE.
     */
    private long maxBehind = 10_000;

    /**
     * How long older open transactions may hold the readers of PostgreSQL's log back at its
     * watermark before the health is OUT_OF_SERVICE.
     */
    private Duration maxWatermarkHold = Duration.ofSeconds(30);

    /** Creates the settings with their defaults. */
    public Health() {}

    /** {@return how far behind is still in service} */
    public long getMaxBehind() {
      return maxBehind;
    }

    /** Sets how far behind is still in service. */
    public void setMaxBehind(long maxBehind) {
      this.maxBehind = maxBehind;
    }

    /** {@return how long PostgreSQL's watermark may hold the readers back while in service} */
    public Duration getMaxWatermarkHold() {
      return maxWatermarkHold;
    }

    /** Sets how long PostgreSQL's watermark may hold the readers back while in service. */
    public void setMaxWatermarkHold(Duration maxWatermarkHold) {
      this.maxWatermarkHold = maxWatermarkHold;
    }
  }
}

package dev.autonomy.memory.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.autonomy.memory.DimensionMismatchException;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.MemoryFields;
import dev.autonomy.memory.MemoryFilter;
import com.pgvector.PGvector;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.pgvector.DefaultMetadataStorageConfig;
import dev.langchain4j.store.embedding.pgvector.MetadataStorageMode;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * PostgreSQL + pgvector through LangChain4j's {@link PgVectorEmbeddingStore}: one table per
 * collection ({@code embedding_id uuid, embedding vector(n), text}, and a typed column per
 * {@link MemoryFields metadata field}), an HNSW index on the cosine distance, b-tree indexes on
 * {@code agent} and {@code created_at}. Connections are pooled (LangChain4j's store opens one per
 * call) and start with {@code hnsw.ef_search} and {@code hnsw.iterative_scan = relaxed_order}, so a
 * filtered search keeps scanning the graph until it has enough rows.
 */
public final class PgVectorBackend implements MemoryBackend {
  private static final List<String> COLUMNS = MemoryFields.PG_COLUMNS.stream().map(d -> d.split(" ")[0]).toList();
  private static final Pattern VECTOR_TYPE = Pattern.compile("vector\\((\\d+)\\)");

  private final MemoryConfig config;
  private final HikariDataSource dataSource;

  public PgVectorBackend(MemoryConfig config) {
    this.config = config;
    this.dataSource = dataSource(config);
  }

  static HikariDataSource dataSource(MemoryConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl(config.host(), config.port(), config.database()));
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.timeout().toMillis()));
    hikari.setPoolName("autonomy-memory");
    hikari.addDataSourceProperty("options", "-c hnsw.ef_search=" + config.hnswEfSearch()
        + " -c hnsw.iterative_scan=relaxed_order");
    hikari.addDataSourceProperty("ApplicationName", "autonomy-memory");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    hikari.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, config.timeout().toSeconds() * 6)));
    return new HikariDataSource(hikari);
  }

  public static String jdbcUrl(String host, int port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public String name() {
    return "pgvector";
  }

  @Override
  public MemoryCollection collection(String table, int dimension) {
    OptionalInt stored = storedDimension(dataSource, table);
    String where = describe(table, stored);
    if (stored.isPresent() && stored.getAsInt() != dimension) {
      throw new DimensionMismatchException(where, stored.getAsInt(), "the embedding model", dimension);
    }
    PgVectorEmbeddingStore store = PgVectorEmbeddingStore.datasourceBuilder()
        .datasource(dataSource)
        .table(table)
        .dimension(dimension)
        .createTable(true)
        .metadataStorageConfig(DefaultMetadataStorageConfig.builder()
            .storageMode(MetadataStorageMode.COLUMN_PER_KEY)
            .columnDefinitions(MemoryFields.PG_COLUMNS)
            .indexes(MemoryFields.PG_INDEXES)
            .indexType("btree")
            .build())
        .build();
    execute("CREATE INDEX IF NOT EXISTS " + table + "_hnsw ON " + table + " USING hnsw (embedding vector_cosine_ops)"
        + " WITH (m = " + config.hnswM() + ", ef_construction = " + config.hnswEfConstruction() + ")");
    return new PgCollection(table, store);
  }

  /** The dimension of {@code table.embedding}, empty when there is no such table (or no fixed dimension). */
  public static OptionalInt storedDimension(DataSource dataSource, String table) {
    String sql = "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        + "WHERE a.attrelid = to_regclass(?) AND a.attname = 'embedding' AND NOT a.attisdropped";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return OptionalInt.empty();
        }
        Matcher m = VECTOR_TYPE.matcher(rs.getString(1));
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the dimension of table " + table + ": " + e.getMessage(), e);
    }
  }

  private String describe(String table, OptionalInt stored) {
    return "pgvector table " + table + " in " + config.database() + "@" + config.host() + ":" + config.port()
        + (stored.isPresent() ? " (column embedding vector(" + stored.getAsInt() + "))" : "");
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** {@code WHERE} clause and its parameters for a filter. */
  record Where(String sql, List<Object> params) {
    static Where of(MemoryFilter filter) {
      List<String> parts = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      if (filter.agent() != null) {
        parts.add(MemoryFields.AGENT + " = ?");
        params.add(filter.agent());
      }
      if (filter.goal() != null) {
        parts.add(MemoryFields.GOAL + " = ?");
        params.add(filter.goal());
      }
      if (filter.createdFrom() != null) {
        parts.add(MemoryFields.CREATED_AT + " >= ?");
        params.add(filter.createdFrom().toEpochMilli());
      }
      if (filter.createdBefore() != null) {
        parts.add(MemoryFields.CREATED_AT + " < ?");
        params.add(filter.createdBefore().toEpochMilli());
      }
      return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    void bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
    }
  }

  final class PgCollection implements MemoryCollection {
    private final String table;
    private final PgVectorEmbeddingStore store;

    PgCollection(String table, PgVectorEmbeddingStore store) {
      this.table = table;
      this.store = store;
    }

    @Override
    public String name() {
      return table;
    }

    @Override
    public String describe() {
      return PgVectorBackend.this.describe(table, storedDimension());
    }

    @Override
    public EmbeddingStore<TextSegment> store() {
      return store;
    }

    @Override
    public OptionalInt storedDimension() {
      return PgVectorBackend.storedDimension(dataSource, table);
    }

    /**
     * The recall path, without LangChain4j's search (which inlines the vector three times into the
     * SQL text, prepares anew on every call and reads every embedding back as text): one prepared
     * statement with the vector as a parameter, the distance instead of the embedding. Same table,
     * same index, same ordering.
     */
    @Override
    public List<EmbeddingMatch<TextSegment>> search(Embedding query, MemoryFilter filter, int maxResults) {
      Where where = Where.of(filter);
      String sql = "SELECT embedding_id, embedding <=> ? AS distance, text, " + String.join(", ", COLUMNS) + " FROM "
          + table + where.sql() + " ORDER BY embedding <=> ? LIMIT " + maxResults;
      List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        PGvector vector = new PGvector(query.vector());
        ps.setObject(1, vector);
        for (int i = 0; i < where.params().size(); i++) {
          ps.setObject(i + 2, where.params().get(i));
        }
        ps.setObject(where.params().size() + 2, vector);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> metadata = new HashMap<>();
            for (String column : COLUMNS) {
              Object value = rs.getObject(column);
              if (value != null) {
                metadata.put(column, value);
              }
            }
            String text = rs.getString("text");
            double score = (2 - rs.getDouble("distance")) / 2;
            matches.add(new EmbeddingMatch<>(score, rs.getString("embedding_id"), null,
                text == null ? null : TextSegment.from(text, new Metadata(metadata))));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("search in " + table + ": " + e.getMessage(), e);
      }
      return matches;
    }

    @Override
    public List<String> ids(MemoryFilter filter, int limit) {
      Where where = Where.of(filter);
      String sql = "SELECT embedding_id FROM " + table + where.sql() + " LIMIT " + limit;
      List<String> ids = new ArrayList<>();
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        where.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
      return ids;
    }

    @Override
    public long count(MemoryFilter filter) {
      Where where = Where.of(filter);
      String sql = "SELECT count(*) FROM " + table + where.sql();
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        where.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void touch(Collection<String> ids, long epochMillis) {
      if (ids.isEmpty()) {
        return;
      }
      // An access time is a hint, not data: its commit does not wait for the WAL flush (a crash may
      // lose the last few), which keeps a recall from paying an fsync.
      String sql = "UPDATE " + table + " SET " + MemoryFields.LAST_ACCESSED_AT + " = ? WHERE embedding_id = ANY (?)";
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); PreparedStatement ps = c.prepareStatement(sql)) {
          s.execute("SET LOCAL synchronous_commit = off");
          Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
          ps.setLong(1, epochMillis);
          ps.setArray(2, array);
          ps.executeUpdate();
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void drop() {
      execute("DROP TABLE IF EXISTS " + table);
    }
  }
}

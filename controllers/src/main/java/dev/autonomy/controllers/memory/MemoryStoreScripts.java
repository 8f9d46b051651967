package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scripts a store's pods and backup Jobs run, in one ConfigMap ({@code <name>-scripts}): the
 * backend's start script, pgvector's init scripts, the backup dump per backend and the backup
 * shipping per target. Plain POSIX sh (busybox and dash). Pure.
 */
public final class MemoryStoreScripts {
  static final String START = "start.sh";
  static final String INIT_VECTOR = "00-vector.sql";
  static final String INIT_REPLICATION = "10-replication.sh";
  static final String BACKUP_DUMP = "backup-dump.sh";
  static final String BACKUP_PVC = "backup-pvc.sh";
  static final String BACKUP_S3 = "backup-s3.sh";

  /** pgvector: the extension exists in the store's database from the first start. */
  static final String VECTOR_SQL = "CREATE EXTENSION IF NOT EXISTS vector;\n";

  /** pgvector, at initdb: standbys may stream from the primary with the store's credentials. */
  static final String REPLICATION_SH = """
      #!/bin/sh
      # Run once by the image's entrypoint at initdb: standbys stream with the store's own role.
      echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
      """;

  /**
   * pgvector: replica 0 is the primary; the others are hot standbys cloned from it when their
   * volume is empty. Credentials come from the connection Secret at every start: a passfile for
   * the standbys' streaming, and on the primary the role's password is set to the Secret's (its
   * unix socket trusts local connections), so a re-created Secret takes effect after a restart.
   */
  static final String PGVECTOR_START = """
      #!/bin/sh
      set -eu
      ordinal="${HOSTNAME##*-}"
      printf '*:*:*:%s:%s\\n' "$POSTGRES_USER" "$POSTGRES_PASSWORD" > /tmp/pgpass
      chmod 0600 /tmp/pgpass
      if [ "$ordinal" != "0" ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
        mkdir -p "$PGDATA" && chmod 0700 "$PGDATA"
        until pg_basebackup -D "$PGDATA" -R -X stream -c fast \\
            -d "host=$PRIMARY_HOST port=5432 user=$POSTGRES_USER passfile=/tmp/pgpass"; do
          echo "waiting for the primary $PRIMARY_HOST"
          find "$PGDATA" -mindepth 1 -delete
          sleep 5
        done
      fi
      if [ "$ordinal" = "0" ] && [ -s "$PGDATA/PG_VERSION" ]; then
        (
          until pg_isready -q -h /var/run/postgresql; do sleep 1; done
          psql -q -v ON_ERROR_STOP=1 -v pw="$POSTGRES_PASSWORD" -h /var/run/postgresql -U "$POSTGRES_USER" -d postgres <<'SQL'
      ALTER ROLE CURRENT_USER PASSWORD :'pw';
      SQL
        ) &
      fi
      exec docker-entrypoint.sh postgres
      """;

  /** Qdrant: replica 0 starts the cluster, the others join it through the headless Service. */
  static final String QDRANT_START = """
      #!/bin/sh
      set -eu
      cd /qdrant
      self="http://${HOSTNAME}.${PEER_DOMAIN}:6335"
      if [ "${HOSTNAME##*-}" = "0" ]; then
        exec ./entrypoint.sh --uri "$self"
      fi
      exec ./entrypoint.sh --bootstrap "http://${BOOTSTRAP_HOST}:6335" --uri "$self"
      """;

  /** pgvector backup: a custom-format pg_dump of the store's database (PG* env from the Secret). */
  static final String PGVECTOR_DUMP = """
      #!/bin/sh
      set -eu
      mkdir -p "$WORK_DIR"
      file="$WORK_DIR/$STORE-$(date -u +%Y%m%dT%H%M%SZ).dump"
      pg_dump -h "$STORE_HOST" -p "$STORE_PORT" -Fc -f "$file.partial"
      mv "$file.partial" "$file"
      echo "wrote $file ($(wc -c < "$file") bytes)"
      """;

  /** Qdrant backup: a full snapshot through its API from replica 0, downloaded, then removed there. */
  static final String QDRANT_DUMP = """
      #!/bin/sh
      set -eu
      mkdir -p "$WORK_DIR"
      file="$WORK_DIR/$STORE-$(date -u +%Y%m%dT%H%M%SZ).snapshot"
      answer=$(curl -fsS -X POST -H "api-key: $QDRANT_API_KEY" "$STORE_URL/snapshots?wait=true")
      name=$(printf '%s' "$answer" | sed -n 's/.*"name":"\\([^"]*\\)".*/\\1/p')
      [ -n "$name" ] || { echo "no snapshot name in Qdrant's answer: $answer" >&2; exit 1; }
      curl -fsS -H "api-key: $QDRANT_API_KEY" -o "$file.partial" "$STORE_URL/snapshots/$name"
      curl -fsS -X DELETE -H "api-key: $QDRANT_API_KEY" "$STORE_URL/snapshots/$name" > /dev/null
      mv "$file.partial" "$file"
      echo "wrote $file ($(wc -c < "$file") bytes)"
      """;

  /**
   * Chroma backup: Chroma has no snapshot API, so the Job runs on the node of replica 0, mounts its
   * data claim read-only and archives it: a file-level copy (SQLite recovers it like after a crash).
   */
  static final String CHROMA_DUMP = """
      #!/bin/sh
      set -eu
      mkdir -p "$WORK_DIR"
      file="$WORK_DIR/$STORE-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"
      tar -czf "$file.partial" -C "$DATA_DIR" .
      mv "$file.partial" "$file"
      echo "wrote $file ($(wc -c < "$file") bytes)"
      """;

  /** PVC target: keep the newest KEEP_LAST backups of this store in WORK_DIR. */
  static final String SHIP_PVC = """
      #!/bin/sh
      set -eu
      cd "$WORK_DIR"
      rm -f ./*.partial
      ls -1 | grep -E "^$STORE-[0-9]{8}T[0-9]{6}Z\\." | sort -r | tail -n +"$((KEEP_LAST + 1))" | while read -r old; do
        rm -f -- "$old"
        echo "removed $old"
      done
      echo "kept $(ls -1 | grep -cE "^$STORE-[0-9]{8}T[0-9]{6}Z\\.") backups in $WORK_DIR"
      """;

  /**
   * S3 target: upload with curl's SigV4 signing (path-style URLs), then keep the newest KEEP_LAST
   * objects under the prefix. Credentials come from the Secret named by the target.
   */
  static final String SHIP_S3 = """
      #!/bin/sh
      set -eu
      endpoint="${S3_ENDPOINT:-https://s3.${S3_REGION}.amazonaws.com}"
      sign="aws:amz:${S3_REGION}:s3"
      auth="$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"
      for f in "$WORK_DIR/$STORE"-*; do
        [ -f "$f" ] || continue
        key="${S3_PREFIX}$(basename "$f")"
        curl -fsS --aws-sigv4 "$sign" --user "$auth" -T "$f" "$endpoint/$S3_BUCKET/$key"
        echo "uploaded s3://$S3_BUCKET/$key"
      done
      curl -fsS --aws-sigv4 "$sign" --user "$auth" "$endpoint/$S3_BUCKET?list-type=2&prefix=${S3_PREFIX}${STORE}-" \\
        | tr '<' '\\n' | sed -n 's/^Key>//p' | sort -r | tail -n +"$((KEEP_LAST + 1))" | while read -r key; do
          curl -fsS --aws-sigv4 "$sign" --user "$auth" -X DELETE "$endpoint/$S3_BUCKET/$key"
          echo "removed s3://$S3_BUCKET/$key"
        done
      """;

  private MemoryStoreScripts() {}

  public static ConfigMap configMap(MemoryStore store) {
    MemoryBackend backend = store.getSpec().getBackend();
    Map<String, String> data = new LinkedHashMap<>();
    switch (backend) {
      case PGVECTOR -> {
        data.put(START, PGVECTOR_START);
        data.put(INIT_VECTOR, VECTOR_SQL);
        data.put(INIT_REPLICATION, REPLICATION_SH);
        data.put(BACKUP_DUMP, PGVECTOR_DUMP);
      }
      case QDRANT -> {
        data.put(START, QDRANT_START);
        data.put(BACKUP_DUMP, QDRANT_DUMP);
      }
      case CHROMA -> data.put(BACKUP_DUMP, CHROMA_DUMP);
    }
    data.put(BACKUP_PVC, SHIP_PVC);
    data.put(BACKUP_S3, SHIP_S3);
    return new ConfigMapBuilder().withNewMetadata().withName(MemoryStoreResources.scripts(store))
        .withNamespace(MemoryStoreResources.namespace(store))
        .withLabels(MemoryStoreResources.labels(store, MemoryStoreResources.DATABASE)).endMetadata()
        .withData(data).build();
  }
}

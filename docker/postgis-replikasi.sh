#!/bin/sh
# Run once by the postgis image when it creates the cluster (/docker-entrypoint-initdb.d): lets a
# streaming standby (the `standby` service of the `replika` profile) connect for replication with
# the geo password. wal_level=replica and max_wal_senders=10 are PostgreSQL 15's defaults already.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"

-- Paz's cluster in PostgreSQL: the silos' membership (Orleans' ADO.NET clustering) and the computed replicates
-- (Orleans' ADO.NET grain storage). Both providers run only the statements stored in orleansquery, by key, with
-- their own parameter names (@DeploymentId, @Version, ...) and read the result columns by name; the tables behind
-- them are Paz's. Safe to run again: every object is created if missing and every statement replaced.
-- Run by ClusterDatabase.InstallAsync inside one transaction under an advisory lock, so silos that start together
-- do not race.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster (Orleans' deployment id): the version every change of membership must name and increment,
-- Orleans' optimistic concurrency over the whole table.
CREATE TABLE IF NOT EXISTS paz_cluster_version
(
    deployment_id varchar(150) PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0,
    changed       timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and the generation that tells a restarted silo from its past self).
CREATE TABLE IF NOT EXISTS paz_cluster_silo
(
    deployment_id varchar(150) NOT NULL REFERENCES paz_cluster_version ON DELETE CASCADE,
    address       varchar(45) NOT NULL,
    port          integer NOT NULL,
    generation    integer NOT NULL,
    silo_name     varchar(150) NOT NULL,
    host_name     varchar(150) NOT NULL,
    status        integer NOT NULL,
    proxy_port    integer,
    suspect_times text,
    start_time    timestamptz NOT NULL,
    i_am_alive    timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- One row per stored grain state; Paz's only persistent grain is a replicate's result. The providers also send hashes
-- of the grain's id and type, meant for an index where keys are long; the primary key serves lookups here.
CREATE TABLE IF NOT EXISTS paz_cluster_state
(
    service_id varchar(150) NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_n0   bigint NOT NULL,
    grain_n1   bigint NOT NULL,
    grain_key  varchar(512) NOT NULL,
    payload    bytea,
    version    integer NOT NULL,
    modified   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_n0, grain_n1, grain_key)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Membership. Each change locks the cluster's version row when it still holds the version the silo read, changes
-- the silo's row, and increments the version only if that change happened: one statement, so a change that finds
-- the version moved does nothing at all. The providers read the single value as true (1) or false (0).

('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO paz_cluster_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM inserted'),

('InsertMembershipKey', '
WITH current_version AS (
    SELECT deployment_id FROM paz_cluster_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE),
inserted AS (
    INSERT INTO paz_cluster_silo (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                  start_time, i_am_alive)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime,
           @IAmAliveTime
    FROM current_version
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING deployment_id),
incremented AS (
    UPDATE paz_cluster_version SET version = version + 1, changed = now()
    WHERE deployment_id IN (SELECT deployment_id FROM inserted)
    RETURNING 1)
SELECT count(*)::integer FROM incremented'),

('UpdateMembershipKey', '
WITH current_version AS (
    SELECT deployment_id FROM paz_cluster_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE),
updated AS (
    UPDATE paz_cluster_silo AS s
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive = @IAmAliveTime
    FROM current_version AS v
    WHERE s.deployment_id = v.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING s.deployment_id),
incremented AS (
    UPDATE paz_cluster_version SET version = version + 1, changed = now()
    WHERE deployment_id IN (SELECT deployment_id FROM updated)
    RETURNING 1)
SELECT count(*)::integer FROM incremented'),

-- A heartbeat: never contended, never versioned.
('UpdateIAmAlivetimeKey', '
UPDATE paz_cluster_silo SET i_am_alive = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

-- Reads return the version row even when no silo row matches (the silo columns then null): the providers take the
-- table's version from the first row and a silo only where a start time is present.
('MembershipReadRowKey', '
SELECT v.deployment_id AS "DeploymentId", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive AS "IAmAliveTime",
       v.version AS "Version"
FROM paz_cluster_version AS v
LEFT JOIN paz_cluster_silo AS s
    ON s.deployment_id = v.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.deployment_id = @DeploymentId'),

('MembershipReadAllKey', '
SELECT v.deployment_id AS "DeploymentId", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive AS "IAmAliveTime",
       v.version AS "Version"
FROM paz_cluster_version AS v
LEFT JOIN paz_cluster_silo AS s ON s.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId'),

('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM paz_cluster_silo
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),

('DeleteMembershipTableEntriesKey', '
DELETE FROM paz_cluster_version WHERE deployment_id = @DeploymentId'),

-- Orleans' statuses: 3 active, 6 dead.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM paz_cluster_silo
WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND status <> 3'),

('CleanupDefunctSiloEntryKey', '
DELETE FROM paz_cluster_silo
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6'),

-- Grain state. A state never written is inserted at version 1 only if no row exists (two activations of one grain
-- cannot both insert); a state read at version n is replaced only if still at n. On a conflict the statement answers
-- the version the grain already held (or nothing for an insert), which the provider reports as a version conflict.

('ReadFromStorageKey', '
SELECT payload AS "PayloadBinary", NULL::text AS "PayloadJson", NULL::text AS "PayloadXml", version AS "Version"
FROM paz_cluster_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
  AND grain_key = coalesce(@GrainIdExtensionString, '''')'),

('WriteToStorageKey', '
WITH inserted AS (
    INSERT INTO paz_cluster_state (service_id, grain_type, grain_n0, grain_n1, grain_key, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''),
           @PayloadBinary, 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT (service_id, grain_type, grain_n0, grain_n1, grain_key) DO NOTHING
    RETURNING version),
replaced AS (
    UPDATE paz_cluster_state SET payload = @PayloadBinary, version = version + 1, modified = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_n0 = @GrainIdN0
      AND grain_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version)
SELECT coalesce((SELECT version FROM inserted), (SELECT version FROM replaced), CAST(@GrainStateVersion AS integer))
       AS "NewGrainStateVersion"'),

('ClearStorageKey', '
UPDATE paz_cluster_state SET payload = NULL, version = version + 1, modified = now()
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND version = CAST(@GrainStateVersion AS integer)
RETURNING version AS "NewGrainStateVersion"'),

('DeleteStorageKey', '
DELETE FROM paz_cluster_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND version = CAST(@GrainStateVersion AS integer)
RETURNING version + 1 AS "NewGrainStateVersion"')

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

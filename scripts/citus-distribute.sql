-- Turns a migrated OpenKPI database on a Citus coordinator into the layout of docs/scaling.md, section 5:
-- kpi_actuals and kpi_actual_versions distributed by kpi_id, the small tables read with them reference tables,
-- the rest on the coordinator. Tried on Citus 13.2.2 / PostgreSQL 15 (scripts/citus-cluster.sh, test/citus/).
--
--   psql -X -v ON_ERROR_STOP=1 -f scripts/citus-distribute.sql "$CITUS_URL"
--
-- Run it once, on the coordinator, after `openkpi migrate` and after loading the data (`openkpi demo generate`;
-- restores were not tried): the generator does not run on the distributed layout (see the doc). Each step says
-- why it is there; every one of them was an error first.
\set ON_ERROR_STOP on

-- 1. Triggers. Citus refuses to make a table with triggers a reference or distributed table ("cannot distribute
--    relation ... because it has triggers") unless this is on, and it must stay on for later migrations that
--    create triggers on these tables. Triggers on reference tables then run on every node that holds a copy,
--    triggers on distributed tables on the worker that holds the shard.
SET citus.enable_unsafe_triggers = on;
SELECT format('ALTER DATABASE %I SET citus.enable_unsafe_triggers = on', current_database()) \gexec

-- 2. The data version (migration 0013). Every write bumps it in a BEFORE STATEMENT trigger, and every app
--    instance keys its read cache by it. On Citus the trigger of a distributed table runs on the worker of the
--    shard, where it may only touch tables on that node ("cannot execute a distributed query from a query on
--    a shard"); the triggers of reference and citus local tables run on every copy, the coordinator's included.
--    So the counter becomes a distributed table with one shard on each node (the coordinator's too), and each
--    node's triggers add to the row of a key whose shard is on that node (okpi_citus.node_key, a plain table on
--    every node), one row per server process: two connections of one distributed transaction on the same node
--    would otherwise wait on each other's row (a distributed deadlock). `data_version` becomes a view that adds
--    them up; the app reads `SELECT sum(version) FROM data_version` unchanged. (A view over
--    run_command_on_workers() gave the same numbers but cost 34 ms a read: it opens new connections each time.)
--    A node added later needs a shard and a key of its own: run this step again on a fresh layout.
CREATE SCHEMA okpi_citus;
CREATE TABLE okpi_citus.data_version (node int NOT NULL, backend int NOT NULL, version bigint NOT NULL, PRIMARY KEY (node, backend));
SELECT citus_set_node_property(nodename, nodeport, 'shouldhaveshards', true) FROM pg_dist_node WHERE groupid = 0;
SELECT create_distributed_table('okpi_citus.data_version', 'node', colocate_with => 'none',
  shard_count => (SELECT count(*)::int FROM pg_dist_node WHERE isactive AND noderole = 'primary'));
SELECT citus_set_node_property(nodename, nodeport, 'shouldhaveshards', false) FROM pg_dist_node WHERE groupid = 0;
DO $$
BEGIN
  IF (SELECT count(DISTINCT p.groupid) FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
      WHERE s.logicalrelid = 'okpi_citus.data_version'::regclass) <> (SELECT count(*) FROM pg_dist_node WHERE isactive AND noderole = 'primary') THEN
    RAISE EXCEPTION 'okpi_citus.data_version needs one shard on every node';
  END IF;
END $$;
SELECT run_command_on_all_nodes($$CREATE TABLE okpi_citus.node_key (key int NOT NULL)$$);
SELECT run_command_on_placements('okpi_citus.data_version', $$INSERT INTO okpi_citus.node_key
  SELECT min(v) FROM generate_series(0, 9999) v WHERE get_shard_id_for_distribution_column('okpi_citus.data_version', v) = substring('%s' from '_([0-9]+)$')::bigint$$);
INSERT INTO okpi_citus.data_version SELECT (SELECT key FROM okpi_citus.node_key), -1, coalesce(sum(version), 0) FROM public.data_version;
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k int := (SELECT key FROM okpi_citus.node_key);
BEGIN
  INSERT INTO okpi_citus.data_version AS d VALUES (k, pg_backend_pid(), 1) ON CONFLICT (node, backend) DO UPDATE SET version = d.version + 1;
  RETURN NULL;
END $$;
DROP TABLE public.data_version;
CREATE VIEW public.data_version AS SELECT 0 AS shard, sum(version)::bigint AS version FROM okpi_citus.data_version;

-- 3. The reference check of kpi_actuals (migration 0004) takes FOR KEY SHARE on the KPIs and users it names.
--    On a worker that is a lock on the reference table's shard, which conflicts with the lock another connection
--    of the same transaction holds after writing a reference table (kpi_targets before kpi_actuals in one
--    transaction, as the generator does): a distributed deadlock. KPIs and users are never deleted
--    (and on this layout the delete triggers of migration 0004 cannot read kpi_actuals from a reference
--    table's shard, so a DELETE of either fails anyway), so the check without the lock is as safe.
CREATE OR REPLACE FUNCTION kpi_actuals_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kpi_ids integer[];
  user_ids integer[];
  missing integer;
BEGIN
  SELECT array_agg(DISTINCT pair.kpi_id), array_agg(DISTINCT pair.updated_by) FILTER (WHERE pair.updated_by IS NOT NULL)
    INTO kpi_ids, user_ids
    FROM (SELECT DISTINCT w.kpi_id, w.updated_by FROM written w) pair;
  SELECT k INTO missing FROM unnest(kpi_ids) k WHERE NOT EXISTS (SELECT 1 FROM kpis WHERE id = k) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'kpi_actuals.kpi_id % is not a KPI', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT u INTO missing FROM unnest(user_ids) u WHERE NOT EXISTS (SELECT 1 FROM users WHERE id = u) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'kpi_actuals.updated_by % is not a user', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

-- 4. kpi_actual_versions is written by the history trigger of kpi_actuals, which runs on the worker of the
--    kpi_actuals shard and may only write a shard on that node: the history must be distributed by the same
--    value, co-located. It has no kpi_id, so it gets one (filled from kpi_actuals; the trigger writes it).
--    Its id becomes bigint: a worker cannot take values from an integer sequence ("nextval: reached maximum
--    value"), Citus gives each node its own range of a bigint one. The app never reads this id.
ALTER TABLE kpi_actual_versions ADD COLUMN kpi_id integer;
UPDATE kpi_actual_versions v SET kpi_id = a.kpi_id FROM kpi_actuals a WHERE a.id = v.actual_id;
ALTER TABLE kpi_actual_versions ALTER COLUMN kpi_id SET NOT NULL;
ALTER TABLE kpi_actual_versions ALTER COLUMN id TYPE bigint;
CREATE OR REPLACE FUNCTION kpi_actuals_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_actual_versions (kpi_id, actual_id, version, value, numerator, denominator, source, comment, late, changed_by, changed_by_name, changed_at)
  VALUES (OLD.kpi_id, OLD.id, OLD.version, OLD.value, OLD.numerator, OLD.denominator, OLD.source, OLD.comment, OLD.late, OLD.updated_by, OLD.updated_by_name, OLD.updated_at);
  RETURN NULL;
END $$;

-- 5. Keys. Every primary key and unique index of a distributed table must contain the distribution column
--    ("Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the
--    partition column"). kpi_actuals' slot index (kpi_id, period_kind, period_start, scope_type, coalesce(scope_id, 0))
--    already does; the ids do not. A foreign key to a distributed table can only come from a co-located
--    distributed table on the distribution column: the references to kpi_actuals (id) go.
ALTER TABLE kpi_actual_versions DROP CONSTRAINT kpi_actual_versions_actual_id_fkey;
ALTER TABLE kpi_evidence DROP CONSTRAINT kpi_evidence_actual_id_fkey;
ALTER TABLE kpi_actuals DROP CONSTRAINT kpi_actuals_pkey, ADD PRIMARY KEY (id, kpi_id);
ALTER TABLE kpi_actual_versions DROP CONSTRAINT kpi_actual_versions_pkey, ADD PRIMARY KEY (id, kpi_id);
ALTER TABLE kpi_actual_versions DROP CONSTRAINT kpi_actual_versions_actual_id_version_key, ADD UNIQUE (kpi_id, actual_id, version);
-- Made a reference table, `users` pulls every local table that refers to it into Citus' metadata ("citus local
-- table"), and a citus local table with an identity column cannot later become a distributed one ("cannot
-- complete operation on a table with identity column"): the history's reference to users waits until the end.
ALTER TABLE kpi_actual_versions DROP CONSTRAINT kpi_actual_versions_changed_by_fkey;

-- 6. The dataset catalogue stays a plain table on the coordinator, next to the `ds_<name>` tables the app creates
--    there at run time: the import updates `datasets` with a count over `ds_<name>`, which Citus refuses when
--    `datasets` is a Citus table and `ds_<name>` is not ("relation ds_sales is not distributed"), and both
--    tables are written with ON CONFLICT ... DO UPDATE SET updated_at = now(), which Citus refuses on its tables
--    ("functions used in the DO UPDATE SET clause of INSERTs on distributed tables must be marked IMMUTABLE").
--    Their foreign keys to users and kpis would make them Citus tables: they go (the app checks both).
ALTER TABLE datasets DROP CONSTRAINT datasets_created_by_fkey;
ALTER TABLE kpi_dataset_bindings DROP CONSTRAINT kpi_dataset_bindings_kpi_id_fkey;
ALTER TABLE kpi_dataset_bindings DROP CONSTRAINT kpi_dataset_bindings_updated_by_fkey;

-- 7. Reference tables: a copy on every node, so joins with kpi_actuals run on the workers. One statement per
--    table (several in one transaction: "cannot switch local execution status"). The appraisal tables are here
--    and not distributed by cycle_id: appraisal_items and appraisal_calibrations refer to appraisal_sheets (id)
--    and have no cycle_id to be co-located by, and the sheet refresh joins them with kpi_actuals. Tables that
--    refer to these and are not listed (sessions, audit_log, notifications, api_tokens, kpi_evidence ...)
--    become citus local tables on the coordinator by themselves.
SELECT format('SELECT create_reference_table(%L)', t) FROM unnest(ARRAY[
  'company', 'users', 'org_units', 'positions', 'people', 'kpis', 'kpi_parents', 'kpi_targets', 'company_holidays',
  'marketing_channels', 'campaigns', 'campaign_channels', 'campaign_agency_users', 'campaign_results', 'awareness_surveys',
  'appraisal_templates', 'appraisal_bonus_rules', 'appraisal_cycles', 'appraisal_sheets', 'appraisal_items',
  'appraisal_target_versions', 'appraisal_calibrations', 'appraisal_unit_results',
  'kpi_miss_reasons', 'kpi_action_plans', 'reminder_log']) t \gexec

-- 8. The facts, after the reference tables: copying the rows into the shards fires the reference check, which
--    reads kpis and users on the workers.
SELECT create_distributed_table('kpi_actuals', 'kpi_id');
SELECT create_distributed_table('kpi_actual_versions', 'kpi_id', colocate_with => 'kpi_actuals');
ALTER TABLE kpi_actual_versions ADD CONSTRAINT kpi_actual_versions_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES users (id);
-- The rows copied into the shards stay in the coordinator's tables, unseen: free the space.
SELECT format('SELECT truncate_local_data_after_distributing_table(%L)', logicalrelid) FROM pg_dist_partition
 WHERE partmethod = 'h' OR (partmethod = 'n' AND repmodel = 't') \gexec

-- 9. Identities. A table that became a citus local table on the way gets a new identity sequence that starts
--    at 1 again (the first login after distributing failed with "duplicate key ... audit_log_pkey"): every
--    identity moves past the largest id, as a restore does (src/db/backup.ts).
SELECT format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', pg_get_serial_sequence(table_name, column_name), column_name, table_name)
  FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' \gexec

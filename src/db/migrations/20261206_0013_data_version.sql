-- A counter that changes whenever data that reads depend on changes (issue 14, caching).
-- Cached reads (dashboard, scorecard, my KPIs) are keyed by it, so every app instance on this database
-- sees a write as soon as it commits. The bump runs in the writer's transaction (it is rolled back with it).
-- Sharded by backend: concurrent writers on different connections update different rows, so the bump adds no
-- lock wait between them; the version is the sum of the shards, which grows with every committed write.
-- BEFORE STATEMENT: a transaction takes its shard row before any row lock of its own writes.
CREATE TABLE data_version (
  shard int PRIMARY KEY CHECK (shard >= 0 AND shard < 64),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO data_version (shard) SELECT generate_series(0, 63);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE shard = pg_backend_pid() % 64;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  -- Every table a dashboard, scorecard or person's numbers read, directly or through permissions.
  -- Tables left out (sessions, audit, notifications, mail, webhooks, tokens …) are listed in
  -- src/app/cache/data-version.test.ts, which fails when a new table is in neither list.
  FOREACH t IN ARRAY ARRAY[
    'company', 'users', 'org_units', 'positions', 'people', 'kpis', 'kpi_parents', 'kpi_targets', 'kpi_actuals',
    'company_holidays', 'appraisal_templates', 'appraisal_bonus_rules', 'appraisal_cycles', 'appraisal_sheets',
    'appraisal_items', 'appraisal_target_versions', 'appraisal_calibrations', 'appraisal_unit_results', 'datasets',
    'kpi_dataset_bindings', 'marketing_channels', 'campaigns', 'campaign_channels', 'campaign_agency_users',
    'campaign_results', 'awareness_surveys', 'kpi_miss_reasons', 'kpi_action_plans'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
  END LOOP;
END $$;

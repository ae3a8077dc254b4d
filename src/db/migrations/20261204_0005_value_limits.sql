-- Every stored number is finite and within the documented range (src/core/limits.ts, docs/api.md "Limits"):
-- values, numerators, targets and baselines within ±1e15, denominators in (0, 1e15], weights in (0, 1e6].
-- NUMERIC accepts NaN and ±Infinity, and before this migration a ratio check-in of 1e308 / 1e-10 was stored
-- as Infinity (and then broke every dashboard that read it). `x BETWEEN a AND b` is false for NaN and
-- ±Infinity, so the same test finds the broken rows and, as a CHECK, keeps new ones out.
-- Existing rows are repaired first, each table as its meaning allows:

-- 1. Superseded actual values that are not numbers in range were never real values: the history drops them.
DELETE FROM kpi_actual_versions
 WHERE NOT (value BETWEEN -1e15 AND 1e15)
    OR NOT (coalesce(numerator, 0) BETWEEN -1e15 AND 1e15)
    OR NOT (coalesce(denominator, 1) > 0 AND coalesce(denominator, 1) <= 1e15);

-- 2. A current ratio value whose parts are fine is recomputed from them (numerator / denominator).
UPDATE kpi_actuals
   SET value = numerator / denominator
 WHERE NOT (value BETWEEN -1e15 AND 1e15)
   AND numerator BETWEEN -1e15 AND 1e15
   AND denominator > 0 AND denominator <= 1e15
   AND numerator / denominator BETWEEN -1e15 AND 1e15;

-- 3. Otherwise the latest valid earlier version becomes current again, as if the broken write never happened
--    (its history row moves back onto the row; the history trigger is off so the broken value is not kept).
CREATE TEMPORARY TABLE broken_actuals ON COMMIT DROP AS
  SELECT id FROM kpi_actuals
   WHERE NOT (value BETWEEN -1e15 AND 1e15)
      OR NOT (coalesce(numerator, 0) BETWEEN -1e15 AND 1e15)
      OR NOT (coalesce(denominator, 1) > 0 AND coalesce(denominator, 1) <= 1e15);

CREATE TEMPORARY TABLE restored_versions ON COMMIT DROP AS
  SELECT DISTINCT ON (v.actual_id) v.*
    FROM kpi_actual_versions v JOIN broken_actuals b ON b.id = v.actual_id
   ORDER BY v.actual_id, v.version DESC;

ALTER TABLE kpi_actuals DISABLE TRIGGER kpi_actuals_history;
UPDATE kpi_actuals a
   SET value = r.value, numerator = r.numerator, denominator = r.denominator, source = r.source, comment = r.comment,
       version = r.version, updated_by = r.changed_by, updated_by_name = r.changed_by_name, updated_at = r.changed_at
  FROM restored_versions r
 WHERE a.id = r.actual_id;
ALTER TABLE kpi_actuals ENABLE TRIGGER kpi_actuals_history;
DELETE FROM kpi_actual_versions v USING restored_versions r WHERE v.actual_id = r.actual_id AND v.version = r.version;

-- 4. An actual with no valid value at all is deleted, with its evidence (files of a value that never was).
DELETE FROM broken_actuals b USING restored_versions r WHERE b.id = r.actual_id;
DELETE FROM kpi_evidence e USING broken_actuals b WHERE e.actual_id = b.id;
DELETE FROM kpi_actual_versions v USING broken_actuals b WHERE v.actual_id = b.id;
DELETE FROM kpi_actuals a USING broken_actuals b WHERE a.id = b.id;

-- 5. Targets: a broken min, max or stretch is optional and becomes "none"; a broken target value means no target.
UPDATE kpi_targets SET min_value = NULL WHERE NOT (min_value BETWEEN -1e15 AND 1e15);
UPDATE kpi_targets SET max_value = NULL WHERE NOT (max_value BETWEEN -1e15 AND 1e15);
UPDATE kpi_targets SET stretch = NULL WHERE NOT (stretch BETWEEN -1e15 AND 1e15);
DELETE FROM kpi_targets WHERE NOT (value BETWEEN -1e15 AND 1e15);

-- 6. A broken baseline means no baseline (progress scoring then says "no baseline" instead of failing).
UPDATE kpis SET baseline_value = NULL, baseline_period = NULL WHERE NOT (baseline_value BETWEEN -1e15 AND 1e15);

-- 7. A broken parent weight becomes 1, the neutral weight: the strategy tree keeps its link and an admin re-weights it.
UPDATE kpi_parents SET weight = 1 WHERE NOT (weight > 0 AND weight <= 1e6);

-- The constraints (NULL passes a CHECK, so optional columns stay optional).
ALTER TABLE kpi_actuals
  ADD CONSTRAINT kpi_actuals_value_range CHECK (value BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_actuals_numerator_range CHECK (numerator BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_actuals_denominator_range CHECK (denominator > 0 AND denominator <= 1e15);
ALTER TABLE kpi_actual_versions
  ADD CONSTRAINT kpi_actual_versions_value_range CHECK (value BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_actual_versions_numerator_range CHECK (numerator BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_actual_versions_denominator_range CHECK (denominator > 0 AND denominator <= 1e15);
ALTER TABLE kpi_targets
  ADD CONSTRAINT kpi_targets_value_range CHECK (value BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_targets_min_range CHECK (min_value BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_targets_max_range CHECK (max_value BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT kpi_targets_stretch_range CHECK (stretch BETWEEN -1e15 AND 1e15);
ALTER TABLE kpis ADD CONSTRAINT kpis_baseline_range CHECK (baseline_value BETWEEN -1e15 AND 1e15);
ALTER TABLE kpi_parents ADD CONSTRAINT kpi_parents_weight_range CHECK (weight > 0 AND weight <= 1e6);

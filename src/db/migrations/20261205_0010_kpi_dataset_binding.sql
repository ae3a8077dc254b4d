-- KPIs bound to data (issue 12 §4): a KPI with source `dataset` is a measure over a dataset, by the periods of a
-- date column and optionally by the values of a scope column mapped to units or people. Its actuals are computed
-- in the database and written with source `dataset`.
ALTER TABLE kpis DROP CONSTRAINT IF EXISTS kpis_source_check;
ALTER TABLE kpis ADD CONSTRAINT kpis_source_check CHECK (source IN ('manual', 'import', 'formula', 'dataset'));
ALTER TABLE kpi_actuals DROP CONSTRAINT IF EXISTS kpi_actuals_source_check;
ALTER TABLE kpi_actuals ADD CONSTRAINT kpi_actuals_source_check CHECK (source IN ('checkin', 'import', 'api', 'formula', 'dataset'));

CREATE TABLE kpi_dataset_bindings (
  kpi_id integer PRIMARY KEY REFERENCES kpis (id),
  -- the dataset's name (not its id): a replace import re-defines the dataset, the binding stays
  dataset text NOT NULL CHECK (dataset ~ '^[a-z][a-z0-9_]{0,39}$'),
  -- a measure as `openkpi query` takes it: sum(revenue), sum(profit) / sum(sales), count() where …
  measure text NOT NULL CHECK (length(measure) BETWEEN 1 AND 2000),
  date_column text NOT NULL CHECK (date_column ~ '^[a-z][a-z0-9_]{0,59}$'),
  scope_column text CHECK (scope_column ~ '^[a-z][a-z0-9_]{0,59}$'),
  -- [{value, scope: {type: unit | person, id}}]: rows whose scope column holds `value` also count for that scope
  scopes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(scopes) = 'array'),
  updated_by integer REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kpi_dataset_bindings_dataset ON kpi_dataset_bindings (dataset);

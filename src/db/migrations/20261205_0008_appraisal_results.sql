-- People performance results (issue 11): a person's values of one KPI over a sheet's dates are read on every
-- check-in that refreshes their sheet. The slot index leads with the KPI, so that read would walk every
-- person's values of the KPI; this one leads with the person.
CREATE INDEX kpi_actuals_person_idx ON kpi_actuals (scope_id, kpi_id, period_kind, period_start) WHERE scope_type = 'person';

-- revision: 0015

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE dataset (
	id INTEGER NOT NULL, 
	file_name VARCHAR(500) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	format VARCHAR(40) NOT NULL, 
	table_code VARCHAR(40), 
	title TEXT, 
	stand VARCHAR(40), 
	source TEXT, 
	footnotes TEXT, 
	imported_at DATETIME NOT NULL, 
	imported_by VARCHAR(100) NOT NULL, 
	row_count INTEGER NOT NULL, 
	superseded_by_id INTEGER, 
	meta JSON NOT NULL, 
	CONSTRAINT pk_dataset PRIMARY KEY (id), 
	CONSTRAINT fk_dataset_superseded_by_id_dataset FOREIGN KEY(superseded_by_id) REFERENCES dataset (id) ON DELETE SET NULL
);

CREATE INDEX ix_dataset_sha256 ON dataset (sha256);

CREATE INDEX ix_dataset_table_code ON dataset (table_code);

CREATE TABLE indicator (
	id INTEGER NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	unit VARCHAR(60) NOT NULL, 
	description TEXT NOT NULL, 
	phase VARCHAR(40) NOT NULL, 
	CONSTRAINT pk_indicator PRIMARY KEY (id), 
	CONSTRAINT ck_indicator_phase CHECK (phase IN ('frühkindliche Bildung', 'Schule', 'berufliche Bildung', 'Hochschule', 'Weiterbildung', 'non-formale Bildung', 'Bevölkerung/Kontext')), 
	CONSTRAINT uq_indicator_code UNIQUE (code)
);

CREATE TABLE region (
	id INTEGER NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	level VARCHAR(20) NOT NULL, 
	parent_id INTEGER, 
	CONSTRAINT pk_region PRIMARY KEY (id), 
	CONSTRAINT ck_region_level CHECK (level IN ('bund', 'land', 'regierungsbezirk', 'kreis', 'gemeindeverband', 'gemeinde', 'stadtteil', 'sozialraum', 'schulbezirk', 'other')), 
	CONSTRAINT fk_region_parent_id_region FOREIGN KEY(parent_id) REFERENCES region (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_region_key UNIQUE ("key")
);

CREATE INDEX ix_region_parent_id ON region (parent_id);

CREATE TABLE facility (
	id INTEGER NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	kind VARCHAR(80) NOT NULL, 
	phase VARCHAR(40) NOT NULL, 
	region_id INTEGER, 
	address VARCHAR(300) NOT NULL, 
	attributes JSON NOT NULL, 
	offering VARCHAR(10) NOT NULL, 
	dataset_id INTEGER, x FLOAT, y FLOAT, 
	CONSTRAINT pk_facility PRIMARY KEY (id), 
	CONSTRAINT ck_facility_offering CHECK (offering IN ('analog', 'digital', 'both')), 
	CONSTRAINT ck_facility_phase CHECK (phase IN ('frühkindliche Bildung', 'Schule', 'berufliche Bildung', 'Hochschule', 'Weiterbildung', 'non-formale Bildung', 'Bevölkerung/Kontext')), 
	CONSTRAINT fk_facility_dataset_id_dataset FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE SET NULL, 
	CONSTRAINT fk_facility_region_id_region FOREIGN KEY(region_id) REFERENCES region (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_facility_kind_key UNIQUE (kind, "key")
);

CREATE INDEX ix_facility_kind ON facility (kind);

CREATE INDEX ix_facility_region_id ON facility (region_id);

CREATE TABLE scenario_result (
	id INTEGER NOT NULL, 
	scenario_id INTEGER NOT NULL, 
	computed_at DATETIME NOT NULL, 
	result JSON NOT NULL, 
	CONSTRAINT pk_scenario_result PRIMARY KEY (id), 
	CONSTRAINT fk_scenario_result_scenario_id_scenario FOREIGN KEY(scenario_id) REFERENCES scenario (id) ON DELETE CASCADE
);

CREATE INDEX ix_scenario_result_scenario_id ON scenario_result (scenario_id);

CREATE TABLE workspace_setting (
	"key" VARCHAR(80) NOT NULL, 
	value JSON NOT NULL, 
	CONSTRAINT pk_workspace_setting PRIMARY KEY ("key")
);

CREATE TABLE facility_version (
	dataset_id INTEGER NOT NULL, 
	facility_id INTEGER NOT NULL, 
	"before" JSON, 
	CONSTRAINT pk_facility_version PRIMARY KEY (dataset_id, facility_id), 
	CONSTRAINT fk_facility_version_dataset_id_dataset FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fk_facility_version_facility_id_facility FOREIGN KEY(facility_id) REFERENCES facility (id) ON DELETE CASCADE
);

CREATE INDEX ix_facility_version_facility_id ON facility_version (facility_id);

CREATE TABLE region_version (
	dataset_id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	"before" JSON, 
	CONSTRAINT pk_region_version PRIMARY KEY (dataset_id, region_id), 
	CONSTRAINT fk_region_version_dataset_id_dataset FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE CASCADE, 
	CONSTRAINT fk_region_version_region_id_region FOREIGN KEY(region_id) REFERENCES region (id) ON DELETE CASCADE
);

CREATE INDEX ix_region_version_region_id ON region_version (region_id);

CREATE TABLE indicator_definition (
	id INTEGER NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	version INTEGER NOT NULL, 
	changed_by VARCHAR(100) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	CONSTRAINT pk_indicator_definition PRIMARY KEY (id), 
	CONSTRAINT ck_indicator_definition_kind CHECK (kind IN ('indicator', 'index')), 
	CONSTRAINT uq_indicator_definition_code UNIQUE (code)
);

CREATE TABLE indicator_definition_version (
	id INTEGER NOT NULL, 
	code VARCHAR(80) NOT NULL, 
	version INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	action VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	changed_by VARCHAR(100) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	CONSTRAINT pk_indicator_definition_version PRIMARY KEY (id), 
	CONSTRAINT uq_indicator_definition_version_code_version UNIQUE (code, version)
);

CREATE TABLE geo_layer (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	level VARCHAR(20), 
	source_file VARCHAR(500) NOT NULL, 
	stand VARCHAR(40), 
	source TEXT, 
	source_crs TEXT NOT NULL, 
	feature_count INTEGER NOT NULL, 
	imported_at DATETIME NOT NULL, 
	imported_by VARCHAR(100) NOT NULL, 
	meta JSON NOT NULL, 
	CONSTRAINT pk_geo_layer PRIMARY KEY (id), 
	CONSTRAINT uq_geo_layer_name UNIQUE (name)
);

CREATE TABLE region_geometry (
	layer_id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	feature_key VARCHAR(40) NOT NULL, 
	feature_name VARCHAR(200) NOT NULL, 
	geometry BLOB NOT NULL, 
	simplified BLOB NOT NULL, 
	min_x FLOAT NOT NULL, 
	min_y FLOAT NOT NULL, 
	max_x FLOAT NOT NULL, 
	max_y FLOAT NOT NULL, 
	CONSTRAINT pk_region_geometry PRIMARY KEY (layer_id, region_id), 
	CONSTRAINT fk_region_geometry_layer_id_geo_layer FOREIGN KEY(layer_id) REFERENCES geo_layer (id) ON DELETE CASCADE, 
	CONSTRAINT fk_region_geometry_region_id_region FOREIGN KEY(region_id) REFERENCES region (id) ON DELETE CASCADE
);

CREATE INDEX ix_region_geometry_region_id ON region_geometry (region_id);

CREATE TABLE report_definition (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	toml TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	changed_at DATETIME NOT NULL, 
	CONSTRAINT pk_report_definition PRIMARY KEY (id), 
	CONSTRAINT uq_report_definition_name UNIQUE (name)
);

CREATE TABLE "audit_entry" (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	user VARCHAR(100) NOT NULL, 
	action VARCHAR(20) NOT NULL, 
	details TEXT NOT NULL, 
	CONSTRAINT pk_audit_entry PRIMARY KEY (id), 
	CONSTRAINT ck_audit_entry_action CHECK (action IN ('create', 'import', 'scenario', 'export', 'backup', 'restore', 'migration', 'demo', 'indicator', 'report'))
);

CREATE INDEX ix_audit_entry_at ON audit_entry (at);

CREATE TABLE workspace_activity (
	id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	who VARCHAR(100) NOT NULL, 
	host VARCHAR(100) NOT NULL, 
	since DATETIME NOT NULL, 
	pid INTEGER, 
	CONSTRAINT pk_workspace_activity PRIMARY KEY (id)
);

CREATE TABLE "observation" (
	id INTEGER NOT NULL, 
	dataset_id INTEGER NOT NULL, 
	indicator_id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	period VARCHAR(20) NOT NULL, 
	dimensions VARCHAR(500) NOT NULL, 
	value FLOAT, 
	flag VARCHAR(8), 
	CONSTRAINT pk_observation PRIMARY KEY (id)
);

CREATE INDEX ix_observation_indicator_region_period ON observation (indicator_id, region_id, period);

CREATE TRIGGER observation_references_on_update BEFORE UPDATE OF dataset_id, indicator_id, region_id ON observation FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND (NOT EXISTS (SELECT 1 FROM dataset WHERE id = NEW.dataset_id) OR NOT EXISTS (SELECT 1 FROM indicator WHERE id = NEW.indicator_id) OR NOT EXISTS (SELECT 1 FROM region WHERE id = NEW.region_id)) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER dataset_observations_on_delete BEFORE DELETE ON dataset FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND EXISTS (SELECT 1 FROM observation WHERE dataset_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER dataset_observations_on_update BEFORE UPDATE OF id ON dataset FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM observation WHERE dataset_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER indicator_observations_on_delete BEFORE DELETE ON indicator FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND EXISTS (SELECT 1 FROM observation WHERE indicator_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER indicator_observations_on_update BEFORE UPDATE OF id ON indicator FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM observation WHERE indicator_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER region_observations_on_delete BEFORE DELETE ON region FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND EXISTS (SELECT 1 FROM observation WHERE indicator_id IN (SELECT id FROM indicator) AND region_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TRIGGER region_observations_on_update BEFORE UPDATE OF id ON region FOR EACH ROW WHEN (SELECT foreign_keys FROM pragma_foreign_keys) AND NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM observation WHERE indicator_id IN (SELECT id FROM indicator) AND region_id = OLD.id) BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;

CREATE TABLE "scenario" (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	parameters TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	changed_at DATETIME NOT NULL, 
	version INTEGER NOT NULL, 
	changed_by VARCHAR(100) NOT NULL, 
	CONSTRAINT pk_scenario PRIMARY KEY (id), 
	CONSTRAINT uq_scenario_name UNIQUE (name), 
	CONSTRAINT ck_scenario_kind CHECK (kind IN ('allocation', 'demand'))
);


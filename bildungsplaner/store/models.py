"""SQLAlchemy 2 typed models of a workspace.

Portable across SQLite and PostgreSQL: only generic types (``JSON``, ``String``, ``Text``, ``Float``), no
dialect-specific SQL. Every schema change needs an Alembic revision in ``store/migrations/versions``;
``tests/test_store_migrations.py`` checks that the migrations produce exactly this metadata.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` as an aware datetime in UTC; a naive one is taken to be UTC already (how the store writes it)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time, normalised in this one place: stored in UTC, always read back as an aware UTC datetime.

    SQLite keeps no time zone (it hands back naive text), PostgreSQL's ``timestamptz`` hands back the session's
    zone; with this type both back ends give the same value. The column stays ``DateTime(timezone=True)``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def KeyText(length: int) -> String:
    """``String(length)`` for keys, codes, periods and dimension texts: on PostgreSQL with the collation ``"C"``,
    so they compare and sort bytewise as on SQLite, whatever the server's collation is (a German collation sorts
    „b1“ before „B2“ and may ignore punctuation; an export or a key order would then differ between back ends).
    Names keep the server's collation (migration 0011)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]


#: ``observation.id``: BIGINT on PostgreSQL (a busy team passes 2³¹ imported values); on SQLite an INTEGER
#: PRIMARY KEY, which is the table's rowid (a BIGINT key there would be an ordinary column and cost an index).
ObservationId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}  # noqa: RUF012


class RegionLevel(enum.StrEnum):
    BUND = "bund"
    LAND = "land"
    REGIERUNGSBEZIRK = "regierungsbezirk"
    KREIS = "kreis"
    GEMEINDEVERBAND = "gemeindeverband"
    GEMEINDE = "gemeinde"
    STADTTEIL = "stadtteil"
    SOZIALRAUM = "sozialraum"
    SCHULBEZIRK = "schulbezirk"
    OTHER = "other"


class Phase(enum.StrEnum):
    """Phase of life (Bildungsphase) an indicator or facility belongs to."""

    FRUEHKINDLICH = "frühkindliche Bildung"
    SCHULE = "Schule"
    BERUFLICH = "berufliche Bildung"
    HOCHSCHULE = "Hochschule"
    WEITERBILDUNG = "Weiterbildung"
    NONFORMAL = "non-formale Bildung"
    KONTEXT = "Bevölkerung/Kontext"


class Offering(enum.StrEnum):
    ANALOG = "analog"
    DIGITAL = "digital"
    BOTH = "both"


class AuditAction(enum.StrEnum):
    CREATE = "create"
    IMPORT = "import"
    SCENARIO = "scenario"
    EXPORT = "export"
    BACKUP = "backup"
    RESTORE = "restore"
    MIGRATION = "migration"
    DEMO = "demo"
    INDICATOR = "indicator"
    REPORT = "report"


def _in(values: type[enum.StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


class Region(Base):
    __tablename__ = "region"
    __table_args__ = (CheckConstraint(f"level IN ({_in(RegionLevel)})", name="level"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: AGS/ARS (text, leading zeros kept), "DG" for Germany, or a local code for Stadtteile etc.
    key: Mapped[str] = mapped_column(KeyText(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)

    parent: Mapped[Region | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Region]] = relationship(back_populates="parent")

    def __repr__(self) -> str:
        return f"Region({self.key!r}, {self.name!r}, {self.level!r})"


#: ``Dataset.format`` of the datasets that hold computed Kennzahlen (``services/indicators.py``): not imports,
#: left out of the import history and never deleted there.
KENNZAHL_FORMAT = "kennzahl"


class Dataset(Base):
    """One import of one file (or one generated data set), with its provenance."""

    __tablename__ = "dataset"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(40))
    table_code: Mapped[str | None] = mapped_column(KeyText(40), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    #: "Stand" as the source gives it (e.g. "08.05.2017 / 14:23:51").
    stand: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(Text)
    footnotes: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(100))
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    #: A newer import of the same table supersedes this one; the old values are kept as history.
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("dataset.id", ondelete="SET NULL"))
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Indicator(Base):
    __tablename__ = "indicator"
    __table_args__ = (CheckConstraint(f"phase IN ({_in(Phase)})", name="phase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(KeyText(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(40), default=Phase.KONTEXT.value)


class Observation(Base):
    """One value: dataset × indicator × region × period × dimensions → value + flag.

    ``dimensions`` is the canonical text form from :func:`bildungsplaner.store.dimensions.encode`
    (``"Alter=5|Geschlecht=weiblich"``, keys sorted), so it can be indexed and compared on any dialect.
    ``value`` is NULL where the source has a symbol instead of a number; ``flag`` keeps the symbol
    (``-``, ``.``, ``...``, ``/``, ``x``) or quality suffix (``p``, ``r``, ``s``).
    """

    __tablename__ = "observation"
    __table_args__ = (
        Index("ix_observation_indicator_region_period", "indicator_id", "region_id", "period"),
    )

    id: Mapped[int] = mapped_column(ObservationId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="RESTRICT"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"))
    #: ISO date where the source gives a date ("2015-12-31"), else as given ("2015", "2024/25").
    period: Mapped[str] = mapped_column(KeyText(20))
    dimensions: Mapped[str] = mapped_column(KeyText(500), default="")
    value: Mapped[float | None] = mapped_column(Float)
    flag: Mapped[str | None] = mapped_column(String(8))


class Facility(Base):
    """An education facility or offering (school, Kita, OGS, VHS, library, digital offering, …)."""

    __tablename__ = "facility"
    __table_args__ = (
        UniqueConstraint("kind", "key", name="uq_facility_kind_key"),
        CheckConstraint(f"phase IN ({_in(Phase)})", name="phase"),
        CheckConstraint(f"offering IN ({_in(Offering)})", name="offering"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: External key, e.g. the Schulnummer; unique per kind.
    key: Mapped[str] = mapped_column(KeyText(40))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(80), index=True)
    phase: Mapped[str] = mapped_column(String(40))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    #: Numeric attributes by name, e.g. {"schueler": 312, "sozialindex": 5, "ogs_plaetze": 150}.
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    offering: Mapped[str] = mapped_column(String(10), default=Offering.ANALOG.value)
    dataset_id: Mapped[int | None] = mapped_column(ForeignKey("dataset.id", ondelete="SET NULL"))
    #: Location in EPSG:25832 (ETRS89 / UTM 32N, metres; migration 0007), ``None`` where unknown.
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)

    region: Mapped[Region | None] = relationship()


class FacilityVersion(Base):
    """A facility as it was before an import changed it: the history that lets an import be taken back.

    One row per facility an import listed: ``before`` is ``None`` when the import created the facility, else a
    snapshot of the fields it may have changed (name, phase, address, offering, attributes, the region's key,
    the dataset it came from). Rows go with their dataset (``ON DELETE CASCADE``); see
    ``services/import_history.py``.
    """

    __tablename__ = "facility_version"

    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facility.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class RegionVersion(Base):
    """A region as it was before an import created (``before`` is ``None``) or changed it (name, level, the
    parent's key); like :class:`FacilityVersion`."""

    __tablename__ = "region_version"

    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Scenario(Base):
    __tablename__ = "scenario"
    __table_args__ = (CheckConstraint("kind IN ('allocation', 'demand')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: The scenario file's content (TOML, format version 1).
    parameters: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: raised by one with every save (compare-and-set in ``services/scenarios.py``, migration 0014): a save over
    #: a version a colleague stored meanwhile is refused
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: who saved the stored version (on a server the login, ``session_user``; on a file the OS user)
    changed_by: Mapped[str] = mapped_column(String(100), default="")

    results: Mapped[list[ScenarioResult]] = relationship(
        back_populates="scenario", cascade="all, delete-orphan", passive_deletes=True
    )


class ScenarioResult(Base):
    __tablename__ = "scenario_result"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)

    scenario: Mapped[Scenario] = relationship(back_populates="results")


class WorkspaceSetting(Base):
    """A setting of the workspace itself (not of the user): its name, its home region, …

    Values are JSON; the names and their meaning are declared in ``services/workspace.py``.
    """

    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class IndicatorDefinition(Base):
    """A Kennzahl defined in this workspace (``kind`` "indicator": a formula over input series, "index": a
    composite index): its TOML text (format 1, ``bildungsplaner/indicators/spec.py``) and current version.

    The computed values are materialised as observations of an :class:`Indicator` of the same code, in a
    :class:`Dataset` of format ``kennzahl`` (``services/indicators.py``); every version of the text is kept in
    :class:`IndicatorDefinitionVersion`.
    """

    __tablename__ = "indicator_definition"
    __table_args__ = (CheckConstraint("kind IN ('indicator', 'index')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(KeyText(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IndicatorDefinitionVersion(Base):
    """One version of a Kennzahl definition: who wrote which text when (``action``: define, replace, delete);
    kept after the definition is deleted."""

    __tablename__ = "indicator_definition_version"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_indicator_definition_version_code_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportDefinition(Base):
    """A Bildungsbericht defined in this workspace (migration 0008): its TOML text as the author wrote it (format 1,
    ``kind = "report"``, ``bildungsplaner/reporting/spec.py``), kept with comments; the report is built from the
    workspace each time (``services/reports.py``), nothing computed is stored."""

    __tablename__ = "report_definition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    toml: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (CheckConstraint(f"action IN ({_in(AuditAction)})", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    details: Mapped[str] = mapped_column(Text, default="")


class WorkspaceActivity(Base):
    """Who is writing to a server workspace right now (migration 0012): „Gerade importiert anna@PC-0815 seit
    14:02“. Written in a short transaction of its own before the writer waits for the workspace's lock and removed
    afterwards; a row whose server session (``pid``) is gone is stale and ignored. Never written on a file (SQLite
    has no colleagues at the same moment) and never copied by backup or restore."""

    __tablename__ = "workspace_activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(100))
    host: Mapped[str] = mapped_column(String(100))
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the server process of the connection that wrote the row (``pg_backend_pid()``)
    pid: Mapped[int | None] = mapped_column(Integer)

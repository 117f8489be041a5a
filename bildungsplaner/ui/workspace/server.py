"""„Server-Arbeitsbereich öffnen…“: the address of a workspace on the Kreis's PostgreSQL server, and the password.

The address is a full URL (``postgresql://…?workspace=NAME``), a pg_service name handed out by IT, or server,
port, database and user; TLS defaults to ``verify-full`` with the Kreis CA file (docs/SERVER.md). The recent list
holds addresses without a password (``Settings.add_recent_server``). When the server asks for a password the
window shows :class:`PasswordDialog`; storing it in libpq's password file happens only after
:func:`confirm_store_password` asked once more (``services.team.store_password``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.services import team
from bildungsplaner.store.postgres import ServerAddressError, parse_address

URL_ROLE = Qt.ItemDataRole.UserRole + 1
#: what :class:`ServerDialog` asks for
OPEN, NEW, TRANSFER = "open", "new", "transfer"


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


def _ssl_labels() -> dict[str, str]:
    return {
        "verify-full": tr("Verschlüsselt, Zertifikat und Servername geprüft (verify-full, empfohlen)"),
        "verify-ca": tr("Verschlüsselt, Zertifikat geprüft (verify-ca)"),
        "require": tr("Verschlüsselt, ohne Prüfung des Zertifikats (require)"),
        "prefer": tr("Verschlüsselt, wenn der Server es anbietet (prefer)"),
        "disable": tr("Unverschlüsselt (disable)"),
    }


class ServerDialog(QDialog):
    """``exec()`` → Accepted with :attr:`url` (the address to open, without password)."""

    def __init__(self, recent: list[str] | None = None, parent: QWidget | None = None, *,
                 purpose: str = OPEN) -> None:
        super().__init__(parent)
        self.url: str | None = None
        #: OPEN an existing workspace, or name a NEW one (Datei › „Neuer Server-Arbeitsbereich…“) or the NEW one a
        #: file is transferred into (TRANSFER): then the name is asked for, and a recent address gives only the
        #: server part
        self.purpose = purpose
        if purpose == NEW:
            self.setWindowTitle(tr("Neuer Server-Arbeitsbereich"))
            intro = QLabel(tr("Einen neuen, leeren Arbeitsbereich auf dem PostgreSQL-Server des Kreises anlegen. "
                              "Geben Sie den Server an (vollständige Adresse, Dienstname oder Server, Datenbank und "
                              "Benutzer) und einen neuen Namen für den Arbeitsbereich; einen vorhandenen ersetzt "
                              "Bildungsplaner nicht. Kennwörter werden hier nie gespeichert."))
        elif purpose == TRANSFER:
            self.setWindowTitle(tr("Auf den Server übertragen"))
            intro = QLabel(tr("Den geöffneten Arbeitsbereich als NEUEN Arbeitsbereich auf den PostgreSQL-Server "
                              "des Kreises kopieren, damit das Team damit arbeiten kann. Die Datei bleibt "
                              "unverändert. Geben Sie den Server an und einen neuen Namen; einen vorhandenen "
                              "Arbeitsbereich ersetzt Bildungsplaner nicht. Kennwörter werden hier nie gespeichert."))
        else:
            self.setWindowTitle(tr("Server-Arbeitsbereich öffnen"))
            intro = QLabel(tr("Einen Arbeitsbereich auf dem PostgreSQL-Server des Kreises öffnen. Geben Sie die "
                              "vollständige Adresse ein oder den Dienstnamen, den die IT Ihnen genannt hat, oder "
                              "Server, Datenbank und Benutzer. Kennwörter werden hier nie gespeichert."))
        intro.setWordWrap(True)

        self.recent = QListWidget()
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.setAccessibleName(tr("Zuletzt geöffnete Server-Arbeitsbereiche") if purpose == OPEN
                                      else tr("Bekannte Server"))
        self.recent.setAccessibleDescription(tr("Pfeiltasten wählen eine Adresse, Eingabe öffnet sie"))
        if purpose != OPEN:  # a new name on a known server: each server once, without a workspace's name
            recent = list(dict.fromkeys(without_workspace(url) for url in recent or []))
        for url in recent or []:
            item = QListWidgetItem(url)
            item.setData(URL_ROLE, url)
            self.recent.addItem(item)
        self.recent.currentItemChanged.connect(self._take_recent)
        if purpose == OPEN:  # a new workspace needs its name typed first
            self.recent.itemActivated.connect(lambda _item: self.accept())
        recent_label = QLabel(tr("&Zuletzt geöffnet:") if purpose == OPEN else tr("&Bekannte Server:"))
        recent_label.setBuddy(self.recent)
        self.recent.setMaximumHeight(110)
        recent_label.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))

        def line(name: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setAccessibleName(name)
            edit.setPlaceholderText(placeholder)
            return edit

        self.url_edit = line(tr("Vollständige Adresse"),
                             "postgresql://anna@pg.kreis.local/bildung?workspace=schulentwicklung")
        self.service_edit = line(tr("Dienst (pg_service)"), tr("z. B. bildung"))
        self.host_edit = line(tr("Server"), tr("z. B. pg.kreis.local"))
        self.port_edit = line(tr("Port"), "5432")
        self.database_edit = line(tr("Datenbank"), tr("z. B. bildung"))
        self.user_edit = line(tr("Benutzer"), tr("Ihre Anmeldung am Server"))
        self.workspace_edit = line(tr("Arbeitsbereich"), tr("z. B. schulentwicklung"))
        self.ssl_combo = QComboBox()
        self.ssl_combo.setAccessibleName(tr("Verschlüsselung (TLS)"))
        for mode, label in _ssl_labels().items():
            self.ssl_combo.addItem(label, mode)
        self.ssl_combo.setCurrentIndex(self.ssl_combo.findData(team.DEFAULT_SSL_MODE))
        self.ca_edit = line(tr("CA-Datei des Kreises"), tr("Zertifikat der Zertifizierungsstelle (.pem, .crt)"))
        self.ca_button = QPushButton(tr("&Durchsuchen…"))
        self.ca_button.setAccessibleName(tr("CA-Datei auswählen"))
        self.ca_button.setAutoDefault(False)  # Enter in a field opens, never the file dialog
        self.ca_button.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        ca_widget = QWidget()
        ca_widget.setLayout(ca_row)

        form = QFormLayout()
        for label, widget in ((tr("&Adresse (URL):"), self.url_edit), (tr("D&ienst (pg_service):"), self.service_edit),
                              (tr("&Server:"), self.host_edit), (tr("&Port:"), self.port_edit),
                              (tr("Date&nbank:"), self.database_edit), (tr("&Benutzer:"), self.user_edit),
                              (tr("&Arbeitsbereich:"), self.workspace_edit),
                              (tr("&Verschlüsselung:"), self.ssl_combo), (tr("&CA-Datei:"), ca_widget)):
            buddy = QLabel(label)
            buddy.setBuddy(self.ca_edit if widget is ca_widget else widget)
            form.addRow(buddy, widget)
        self.url_edit.textChanged.connect(lambda _text: self._update())
        self.service_edit.textChanged.connect(lambda _text: self._update())
        self.ssl_combo.currentIndexChanged.connect(lambda _index: self._update())

        self.buttons = QDialogButtonBox()
        # created in the order they are shown, so Tab follows the reading order
        label = {NEW: tr("Anlegen"), TRANSFER: tr("Übertragen")}.get(purpose, tr("Öffnen"))
        self.open_button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter in a field opens
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(640, 0)
        QWidget.setTabOrder(self.recent, self.url_edit)
        self._update()
        (self.recent if recent else self.url_edit).setFocus()
        if purpose != OPEN:
            self.workspace_edit.setAccessibleDescription(tr("Der Name des neuen Arbeitsbereichs auf dem Server"))

    def _update(self) -> None:
        """A full URL makes the single fields unnecessary; a service replaces server, port and database."""
        by_url = bool(self.url_edit.text().strip())
        by_service = bool(self.service_edit.text().strip())
        self.service_edit.setEnabled(not by_url)
        for edit in (self.host_edit, self.port_edit, self.database_edit):
            edit.setEnabled(not by_url and not by_service)
        self.user_edit.setEnabled(not by_url)
        checked = self.ssl_combo.currentData() not in ("disable", "prefer")
        self.ca_edit.setEnabled(checked)
        self.ca_button.setEnabled(checked)

    def _take_recent(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.set_url(str(item.data(URL_ROLE)))

    def set_url(self, url: str) -> None:
        """Show ``url`` in the address field (its TLS mode in the choice); naming a new workspace, only its server
        part (the workspace's name goes into its own field)."""
        if self.purpose != OPEN:
            url = without_workspace(url)
        self.url_edit.setText(url)
        try:
            params = dict(parse_address(url).params)
        except ServerAddressError:
            return
        index = self.ssl_combo.findData(params.get("sslmode", team.DEFAULT_SSL_MODE))
        if index >= 0:
            self.ssl_combo.setCurrentIndex(index)
        self.ca_edit.setText(params.get("sslrootcert", self.ca_edit.text()))

    def _choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("CA-Datei des Kreises"), self.ca_edit.text(),
                                              tr("Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)"))
        if name:
            self.ca_edit.setText(str(Path(name)))

    def address(self) -> str:
        """The URL the fields describe; raises ``ServerAddressError`` with a German message."""
        url = self.url_edit.text()
        if self.purpose != OPEN and self.workspace_edit.text().strip():  # the new name typed wins
            url = without_workspace(url) if url.strip() else url
        return team.build_url(
            url=url, service=self.service_edit.text() if self.service_edit.isEnabled() else "",
            host=self.host_edit.text() if self.host_edit.isEnabled() else "",
            port=self.port_edit.text() if self.port_edit.isEnabled() else "",
            database=self.database_edit.text() if self.database_edit.isEnabled() else "",
            user=self.user_edit.text() if self.user_edit.isEnabled() else "",
            workspace=self.workspace_edit.text(), sslmode=str(self.ssl_combo.currentData()),
            sslrootcert=self.ca_edit.text() if self.ca_edit.isEnabled() else "")

    def accept(self) -> None:
        try:
            if (self.purpose != OPEN and not self.workspace_edit.text().strip()
                    and "workspace=" not in self.url_edit.text()):
                raise ServerAddressError(tr("Bitte geben Sie einen Namen für den neuen Arbeitsbereich ein."))
            self.url = self.address()
        except ServerAddressError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()


def without_workspace(url: str) -> str:
    """``url`` without its ``workspace=…`` parameter (the server part of a recent address)."""
    from urllib.parse import parse_qsl, urlencode

    # by hand: urlunsplit would drop the empty host of "postgresql:///?service=…"
    base, _, query = url.strip().partition("?")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "workspace"]
    return f"{base}?{urlencode(kept, safe='/:')}" if kept else base


class PasswordDialog(QDialog):
    """The server asks for a password: ``exec()`` → Accepted with :attr:`password` and :attr:`store` (the box
    „Im Kennwortspeicher (pgpass) ablegen“ — the window asks once more before it writes the file)."""

    def __init__(self, address: str, parent: QWidget | None = None, *, failed: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kennwort für den Server"))
        text = (tr("Das Kennwort wurde nicht angenommen. Bitte geben Sie es erneut ein für:") if failed
                else tr("Der Server verlangt ein Kennwort für:"))
        intro = QLabel(f"{text}\n{address}")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(tr("Kennwort"))
        label = QLabel(tr("&Kennwort:"))
        label.setBuddy(self.password_edit)
        self.store_box = QCheckBox(tr("Im Kennwortspeicher (pgpass) ablegen"))
        self.store_box.setAccessibleDescription(tr("Das Kennwort in der Kennwortdatei von PostgreSQL auf diesem PC "
                                                   "speichern (nur für Sie lesbar); Sie werden vorher gefragt"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.store_box)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    @property
    def password(self) -> str:
        return self.password_edit.text()

    @property
    def store(self) -> bool:
        return self.store_box.isChecked()


def confirm_store_password(parent: QWidget | None, path: Path) -> bool:
    """Ask before the password is written into libpq's password file ``path``."""
    answer = QMessageBox.question(
        parent, tr("Kennwort speichern"),
        tr("Das Kennwort wird unverschlüsselt in der Kennwortdatei {path} gespeichert, die nur Ihr Benutzerkonto "
           "lesen darf. Bildungsplaner und andere PostgreSQL-Programme melden sich damit künftig ohne Nachfrage "
           "an. Speichern?").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


__all__ = ["NEW", "OPEN", "TRANSFER", "PasswordDialog", "ServerDialog", "confirm_store_password",
           "without_workspace"]

"""Team mode: who else has a server workspace open, and the change marker — with real second connections."""

from __future__ import annotations

import psycopg
from backends import Backend

from bildungsplaner.services import team
from bildungsplaner.store.postgres import parse_address


def connect_as(backend: Backend, application_name: str) -> psycopg.Connection:
    """A second client of the workspace (another PC), named as the program names its connections."""
    params = parse_address(str(backend.location)).conninfo_params()
    params["application_name"] = application_name
    conn = psycopg.connect(**params, autocommit=True)
    conn.execute(f'SET search_path TO "bp_{backend.workspace_name}"')
    return conn


def test_colleagues_lists_the_others_on_this_workspace_but_not_me(server: Backend) -> None:
    ws = server.open()
    assert team.colleagues(ws) == [], "alone: nobody else"
    name = server.workspace_name
    others = [connect_as(server, f"Bildungsplaner 9.9 anna@PC-0815 {name}"),
              connect_as(server, f"Bildungsplaner 9.9 anna@PC-0815 {name}"),  # a second window of anna's
              connect_as(server, "Bildungsplaner 9.9 bernd@PC-4711 ein_anderer_bereich"),
              connect_as(server, "Bildungsplaner 0.8 carla@PC-2"),  # an older version: no workspace in its name
              connect_as(server, "psql")]
    try:
        with ws.engine.connect(), ws.engine.connect():  # my own pooled connections are not colleagues
            assert team.colleagues(ws) == ["anna@PC-0815", "carla@PC-2"]
        others[0].close()
        assert team.colleagues(ws) == ["anna@PC-0815", "carla@PC-2"], "anna still has her second window"
        others[1].close()
        others[3].close()
        assert team.colleagues(ws) == []
    finally:
        for conn in others:
            conn.close()


def test_a_name_cut_at_the_servers_limit_still_counts_for_its_workspace() -> None:
    name = "Bildungsplaner 1.0.0 mueller-luedenscheidt@PC-KREISVERWALTUNG schulentwicklung_kita"
    cut = name.encode()[:63].decode()
    session = team.parse_application_name(cut)
    assert session is not None and session.truncated
    assert session.has_open("schulentwicklung_kita") and not session.has_open("jugendhilfe")
    assert team.parse_application_name("psql") is None
    windows = team.parse_application_name("Bildungsplaner 1.0 Anna Müller@PC-0815 kita")
    assert windows is not None and windows.who == "Anna Müller@PC-0815" and windows.workspace == "kita"


def test_the_change_marker_moves_when_a_colleague_writes(server: Backend) -> None:
    ws = server.open()
    before = team.change_marker(ws)
    assert before == team.change_marker(ws), "nothing changed: the same marker"
    colleague = connect_as(server, f"Bildungsplaner 9.9 anna@PC-0815 {server.workspace_name}")
    try:
        colleague.execute("""INSERT INTO audit_entry (at, "user", action, details) """
                          "VALUES (now(), 'anna', 'import', '{}')")
        after = team.change_marker(ws)
        assert after != before
        colleague.execute("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
        assert team.change_marker(ws) != after, "a deleted entry moves the marker too"
    finally:
        colleague.close()


def test_a_workspace_file_has_no_colleagues_and_no_server_marker(workspace) -> None:
    assert team.colleagues(workspace) is None
    assert team.change_marker(workspace) is None

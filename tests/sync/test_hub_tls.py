"""Transport (issue 14, item 7): ``serve`` refuses plain HTTP on a non-loopback address unless
given a certificate or told a TLS proxy is in front; the workstation refuses an ``http://`` hub
that is not this computer, before sending anything, and says why; over TLS it trusts the
facility's CA (given, or through the system's trust settings) and nothing else."""

from __future__ import annotations

import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from synchelp import Certificates, LiveHub, make_certificates, seed_unit

from officer_desk.cli.sync_cmds import _hub_url
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.loopback import is_loopback
from officer_desk.server.cli import main as server_main
from officer_desk.server.cli import plain_http_refusal
from officer_desk.store.database import open_store
from officer_desk.sync.address import insecure_hub_problem
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import HubUnreachable, InsecureHub
from officer_desk.sync.transport import HttpxTransport, tls_context


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def tls_hub(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    certificates: Certificates,
) -> LiveHub:
    url = None if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    hub = LiveHub(tmp_path_factory.mktemp("hub"), tls=certificates, database_url=url)
    yield hub  # type: ignore[misc]
    hub.stop()


def tls_hub_ca(hub: LiveHub) -> Path:
    assert hub.tls is not None
    return hub.tls.ca


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("hub.facility.local", False),
        ("127.0.0.1.example.org", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_what_counts_as_this_computer(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_plain_http_off_this_computer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for host in ("0.0.0.0", "10.1.2.3", "hub.facility.local", "::"):
        assert plain_http_refusal(host, tls=False, behind_proxy=False) is not None
        assert plain_http_refusal(host, tls=True, behind_proxy=False) is None
        assert plain_http_refusal(host, tls=False, behind_proxy=True) is None
    for host in ("127.0.0.1", "::1", "localhost"):
        assert plain_http_refusal(host, tls=False, behind_proxy=False) is None

    code = server_main(["serve", "--data-dir", str(tmp_path / "hub"), "--host", "0.0.0.0"])
    assert code == 2
    said = capsys.readouterr().err
    assert "refusing to serve plain HTTP on 0.0.0.0" in said
    assert "--ssl-certfile" in said and "--behind-tls-proxy" in said
    assert not (tmp_path / "hub").exists()  # refused before anything was made


def test_serve_refuses_a_missing_certificate_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nope.pem")
    code = server_main(
        [
            "serve",
            "--data-dir",
            str(tmp_path / "hub"),
            "--host",
            "0.0.0.0",
            "--ssl-certfile",
            missing,
            "--ssl-keyfile",
            missing,
        ]
    )
    assert code == 2
    assert "is not a readable file" in capsys.readouterr().err


def test_the_server_command_line_exits_2_in_its_own_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "officer_desk.server.cli",
            "serve",
            "--data-dir",
            str(tmp_path),
            "--host",
            "0.0.0.0",
            "--port",
            "9",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "unencrypted" in done.stderr


@pytest.mark.parametrize(
    "url",
    ["http://hub.facility.local:8765", "http://10.0.0.5", "http://0.0.0.0:8765", "ftp://hub"],
)
def test_the_workstation_refuses_an_http_hub_on_the_network(url: str, tmp_path: Path) -> None:
    problem = insecure_hub_problem(url)
    assert problem is not None and "https://" in problem and "facility IT" in problem
    with pytest.raises(InsecureHub) as refused:
        HttpxTransport(url)
    assert refused.value.message == problem
    with pytest.raises(ValidationError) as typed:
        _hub_url(url)
    assert "https://" in typed.value.message


@pytest.mark.parametrize(
    "url",
    [
        "https://hub.facility.local",
        "http://127.0.0.1:8765",
        "http://[::1]:8765",
        "http://localhost",
    ],
)
def test_https_and_this_computer_are_accepted(url: str) -> None:
    assert insecure_hub_problem(url) is None
    HttpxTransport(url).close()


def test_enrolment_with_an_http_hub_sends_nothing(tls_hub: LiveHub, tmp_path: Path) -> None:
    """Even with a transport that would reach the hub, the address itself is refused (it is
    what later syncs use): the one-time code stays unused."""
    store = open_store(tmp_path / "w.sqlite")
    code = tls_hub.code()
    trusted = ssl.create_default_context(cafile=str(tls_hub_ca(tls_hub)))
    transport = HttpxTransport(tls_hub.url, verify=trusted)
    client = SyncClient(store, transport)
    with pytest.raises(InsecureHub):
        client.enroll("http://hub.facility.local:8765", code, "w")
    assert client.status().enrolled is False
    client.enroll(tls_hub.url, code, "w")  # the same code still works over https
    assert client.status().enrolled
    client.close()
    transport.close()
    store.close()


def test_a_workstation_enrolled_with_an_http_hub_stops_syncing_and_says_why(
    tmp_path: Path,
) -> None:
    """A store enrolled before this rule with an http:// hub: its sync stops with the
    reason, and its changes stay in the outbox."""
    store = open_store(tmp_path / "w.sqlite")
    seed_unit(store, persons=1)
    setup = SyncClient(store)
    db = setup._begin()
    for key, value in (("sync.hub_url", "http://hub.facility.local:8765"), ("sync.token", "t")):
        db.execute("INSERT INTO local_setting (key, value) VALUES (?, ?)", (key, value))
    db.execute("COMMIT")
    setup.close()
    client = SyncClient(store)  # makes its own network transport from the stored address
    waiting = client.status().waiting
    with pytest.raises(InsecureHub) as stopped:
        client.sync_once()
    assert "http://" in stopped.value.message
    status = client.status()
    assert status.problem == stopped.value.message and status.waiting == waiting > 0
    client.close()
    store.close()


def test_sync_over_tls_with_the_facility_ca(tls_hub: LiveHub, tmp_path: Path) -> None:
    assert tls_hub.url.startswith("https://127.0.0.1:")
    store = open_store(tmp_path / "w.sqlite")
    seed_unit(store, persons=2)
    trusted = ssl.create_default_context(cafile=str(tls_hub_ca(tls_hub)))
    transport = HttpxTransport(tls_hub.url, verify=trusted)
    client = SyncClient(store, transport)
    client.enroll(tls_hub.url, tls_hub.code(), "tls-w")
    report = client.sync_once()
    assert report.pushed > 0 and report.rejected == 0
    assert any(key[0] == "inmate" for key in tls_hub.records())
    client.close()
    transport.close()
    store.close()


def test_an_untrusted_certificate_is_not_talked_to(tls_hub: LiveHub) -> None:
    """Without the facility's CA (not in the system's store nor certifi's), the hub's
    certificate is refused: the workstation reports the hub as unreachable."""
    transport = HttpxTransport(tls_hub.url)
    with pytest.raises(HubUnreachable):
        transport.send("GET", "/healthz")
    transport.close()


def test_the_system_trust_settings_are_used(
    tls_hub: LiveHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default trust is the system's (where facility IT installs its CA); SSL_CERT_FILE
    stands for it here."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_hub_ca(tls_hub)))
    transport = HttpxTransport(tls_hub.url)
    status, body = transport.send("GET", "/healthz")
    assert status == 200 and body["status"] == "ok"
    transport.close()
    assert isinstance(tls_context(), ssl.SSLContext)

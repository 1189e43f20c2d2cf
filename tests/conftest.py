"""Shared fixtures.  Browser: Debian's Chromium driven by playwright, the network blocked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ATLANTE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "out" / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the session; fails (never skips) when Chromium is missing."""
    if not CHROMIUM.is_file():
        pytest.fail(f"browser tests need Chromium at {CHROMIUM}: run `make test` (it installs the Debian "
                    f"package) or `apt-get install -y chromium`", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that aborts every http(s) request and records them, with console errors and dialogs.

    ``page.atlante_requests``: URLs the page asked for on the network; ``page.atlante_errors``:
    console errors and uncaught exceptions; ``page.atlante_dialogs``: alert/confirm/prompt texts.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    pg = context.new_page()
    pg.atlante_requests, pg.atlante_errors, pg.atlante_dialogs = [], [], []

    def block(route):
        url = route.request.url
        if url.startswith(("http://", "https://", "ws://", "wss://")):
            pg.atlante_requests.append(url)
            route.abort()
        else:
            route.continue_()

    def on_dialog(dialog):
        pg.atlante_dialogs.append(dialog.message)
        dialog.dismiss()

    pg.route("**/*", block)
    pg.on("console", lambda msg: pg.atlante_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: pg.atlante_errors.append(str(exc)))
    pg.on("dialog", on_dialog)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``out/test-artifacts/``: screenshots the browser tests leave for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def demo_gaz():
    """The small synthetic gazetteer of :mod:`layers.synthetic` (the real one is the ``gaz`` fixture of
    the recogniser's tests)."""
    from layers.synthetic import demo_gazetteer

    return demo_gazetteer()


@pytest.fixture(scope="module")
def demo_parsed(demo_gaz):
    """The synthetic demo documents, parsed, and a hostile one (markup and template syntax in its text)."""
    from layers.synthetic import demo_documents, hostile_document

    return demo_documents(demo_gaz) + [hostile_document(demo_gaz)]

"""A curator's session in real headless Chromium, then a re-ingest that must keep what they did.

The bundled samples are ingested; the curator logs in, reads the review dashboard, opens an extracted
meeting and its highlighted evidence, corrects its date, makes a typo and reverts it from the history,
marks the meeting verified and merges a duplicate person. Then the same articles, republished (the same
text with a line added, so they are parsed again rather than skipped as already read), are ingested:
the correction, the verification and the merge must survive. Screenshots at 1366 px go to
$CURATION_SCREENSHOTS, or to the test's tmp dir.
"""
from __future__ import annotations

import datetime
import io
import os
import pathlib

import pytest
from django.core.management import call_command

from events.models import Meeting, Person, PersonAlias
from tests import factories

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SAMPLES = pathlib.Path(__file__).resolve().parent.parent.parent / "fixtures" / "articles"
PASSWORD = "a-curators-password-1"
OSAKA_G20 = datetime.date(2019, 6, 28)

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database; serialized_rollback brings back the countries after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chromium_page(monkeypatch):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    # Set for this test only: left in the environment, it reached later tests' subprocesses ('check --deploy'
    # then reports async.E001).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1366, "height": 900})
        finally:
            browser.close()


@pytest.fixture
def shots(tmp_path):
    folder = pathlib.Path(os.environ.get("CURATION_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ingest(*paths) -> None:
    err = io.StringIO()
    try:
        call_command("ingest_articles", *map(str, paths), stdout=io.StringIO(), stderr=err)
    finally:
        print(err.getvalue())


def republish(folder: pathlib.Path) -> pathlib.Path:
    """The samples again with a syndication line: new content, so parsed again, about the same events."""
    for article in sorted(SAMPLES.glob("*.txt")):
        (folder / article.name).write_text(article.read_text(encoding="utf-8") + "\n(Republished with permission.)\n",
                                           encoding="utf-8")
    return folder


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_curators_work_survives_a_reingest(live_server, chromium_page, shots, tmp_path):
    ingest(SAMPLES)
    factories.UserFactory(username="curator", password=PASSWORD, is_staff=True, is_superuser=True)
    meeting = Meeting.objects.get(occasion__icontains="G-20", date__year=2019)
    participants = set(meeting.participants.values_list("person__name", flat=True))
    # A duplicate of Shinzo Abe, as a second spelling in another article would make.
    abe = Person.objects.get(name="Shinzo Abe")
    duplicate = factories.PersonFactory(name="Abe Shinzo", country=abe.country)
    factories.ParticipantFactory(meeting=Meeting.objects.get(occasion__icontains="EEF"), person=duplicate)
    page, base = chromium_page, live_server.url
    wide: list[str] = []

    def shot(name: str) -> None:
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        if not no_sideways_scroll(page):
            wide.append(name)

    # Log in, and the review dashboard.
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#review-dashboard")
    shot("1-dashboard")
    assert "Meetings extracted" in page.inner_text("#review-dashboard")

    # The meetings queue, and the extracted meeting with its evidence marked.
    page.click("#review-dashboard a:has-text('Meetings extracted')")
    page.click(f"#result_list a[href*='/admin/events/meeting/{meeting.pk}/change/']")
    page.wait_for_selector(".evidence mark")
    shot("2-meeting-evidence")
    assert "Osaka" in page.locator(".evidence mark").all_inner_texts()

    # Correct the date (the words said only "Earlier this year"); then a typo in the city, saved.
    page.fill("#id_date", OSAKA_G20.isoformat())
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist li")
    page.fill("#id_city", "Osak")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist li")

    # Revert the typo from the history: the version just before it.
    page.click("a.historylink")
    page.wait_for_selector("#history-table")
    shot("3-history")
    page.locator("#history-table tbody tr").nth(1).locator("button:has-text('Revert')").click()
    page.wait_for_selector(".messagelist li")
    meeting.refresh_from_db()
    assert (meeting.city, meeting.date, meeting.date_precision) == ("Osaka", OSAKA_G20, "day")

    # Mark it verified from the queue.
    page.goto(f"{base}/admin/events/meeting/")
    page.check(f"input[name=_selected_action][value='{meeting.pk}']")
    page.select_option("select[name=action]", "mark_verified")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist li")

    # Merge the duplicate into Shinzo Abe.
    page.goto(f"{base}/admin/events/person/?q=Abe")
    for person in (abe, duplicate):
        page.check(f"input[name=_selected_action][value='{person.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-table")
    page.check(f"#survivor-{abe.pk}")
    shot("4-merge")
    page.click("input[type=submit][value='Merge into the chosen record']")
    page.wait_for_selector(".messagelist li")
    page.goto(f"{base}/admin/events/meeting/{meeting.pk}/change/")
    shot("5-meeting-after")

    # The same stories again, parsed again: the curator's work stays.
    again = tmp_path / "republished"
    again.mkdir()
    ingest(republish(again))
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision, meeting.review_state, meeting.city) == (
        OSAKA_G20, "day", "verified", "Osaka")
    assert set(meeting.participants.values_list("person__name", flat=True)) == participants
    assert meeting.sources.count() == 2  # the republished article is evidence too
    assert list(Person.objects.filter(name__icontains="Abe").values_list("name", flat=True)) == ["Shinzo Abe"]
    assert PersonAlias.objects.filter(person=abe, name="Abe Shinzo").exists()
    assert wide == []

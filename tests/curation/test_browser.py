"""A curator's session in real headless Chromium, then a re-ingest that must keep what they did.

The bundled samples are ingested; the curator logs in, reads the review dashboard, opens an extracted
meeting and its highlighted evidence, corrects its date, makes a typo and reverts it from the history,
marks the meeting verified and merges a duplicate person, a duplicate meeting and a duplicate agreement. Then the
same articles, republished (the same text with a line added, so they are parsed again rather than skipped as already
read), are ingested: the correction, the verification and the merges must survive. Every page is looked at 1366 and
1920 px wide: none may scroll sideways nor squeeze a column to a word a line. Screenshots go to
$CURATION_SCREENSHOTS, or to the test's tmp dir.
"""
from __future__ import annotations

import datetime
import io
import os
import pathlib

import pytest
from django.core.management import call_command

from events.models import Agreement, Article, Meeting, Merge, Person, PersonAlias
from tests import factories

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SAMPLES = pathlib.Path(__file__).resolve().parent.parent.parent / "fixtures" / "articles"
PASSWORD = "a-curators-password-1"
OSAKA_G20 = datetime.date(2019, 6, 28)
WIDTHS = (1366, 1920)

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


# What makes a page unreadable: a page wider than the window, and a table cell so narrow that its words stand one a
# line (a cell of four or more words whose text takes about as many lines, in under 120 px).
LAYOUT = """() => {
  const cramped = [];
  for (const cell of document.querySelectorAll('#content td, #content th')) {
    const words = cell.innerText.trim().split(/\\s+/).filter(Boolean);
    if (words.length < 4 || cell.getBoundingClientRect().width >= 120) continue;
    const tops = new Set();
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    if (tops.size >= words.length * 0.75) cramped.push(words.slice(0, 6).join(' '));
  }
  return {overflow: document.scrollingElement.scrollWidth > window.innerWidth, cramped};
}"""


def look(page, shots: pathlib.Path, name: str, problems: list[str]) -> None:
    """A screenshot of the whole page at each width, and what is unreadable there."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        layout = page.evaluate(LAYOUT)
        if layout["overflow"]:
            problems.append(f"{name} at {width} px scrolls sideways")
        problems += [f"{name} at {width} px: one word a line in {cell!r}" for cell in layout["cramped"]]
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def log_in(page, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#review-dashboard")


def merge_in_the_admin(page, base: str, model: str, query: str, survivor, other) -> None:
    """The merge action from a list: tick both, choose the survivor on the confirmation page, confirm."""
    page.goto(f"{base}/admin/events/{model}/?q={query}")
    for record in (survivor, other):
        page.check(f"input[name=_selected_action][value='{record.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-table")
    page.check(f"#survivor-{survivor.pk}")
    page.click("input[type=submit][value='Merge into the chosen record']")
    page.wait_for_selector(".messagelist li")


def test_a_curators_work_survives_a_reingest(live_server, chromium_page, shots, tmp_path):
    ingest(SAMPLES)
    factories.UserFactory(username="curator", password=PASSWORD, is_staff=True, is_superuser=True)
    meeting = Meeting.objects.get(occasion__icontains="G-20", date__year=2019)
    participants = set(meeting.participants.values_list("person__name", flat=True))
    # A duplicate of Shinzo Abe, as a second spelling in another article would make.
    abe = Person.objects.get(name="Shinzo Abe")
    duplicate = factories.PersonFactory(name="Abe Shinzo", country=abe.country)
    factories.ParticipantFactory(meeting=Meeting.objects.get(occasion__icontains="EEF"), person=duplicate)
    # A second record of the Osaka meeting (another article's vaguer date), and of the partnership under the name
    # Japan gives it, each with an article of its own.
    other_article = Article.objects.exclude(pk__in=meeting.sources.values("article")).first()
    twin = factories.MeetingFactory(title="Osaka talks", date=datetime.date(2019, 6, 1), date_precision="month",
                                    city="Osaka", country=meeting.country, occasion=meeting.occasion)
    for participant in meeting.participants.all():
        factories.ParticipantFactory(meeting=twin, person=participant.person, raw_name=participant.raw_name)
    factories.MeetingSourceFactory(record=twin, article=other_article, evidence="They met in Osaka in June.")
    partnership = Agreement.objects.get(name__icontains="Special Strategic")
    partnership_twin = factories.AgreementFactory(name="Japan-India Strategic Partnership Pact")
    factories.AgreementSourceFactory(record=partnership_twin, article=other_article, evidence="A pact.")
    page, base = chromium_page, live_server.url
    problems: list[str] = []

    def shot(name: str) -> None:
        look(page, shots, name, problems)

    # Log in, and the review dashboard.
    log_in(page, base)
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

    # Merge the duplicates: the person into Shinzo Abe, the twin meeting into the verified one, the pact into the
    # partnership.
    merge_in_the_admin(page, base, "person", "Abe", abe, duplicate)
    merge_in_the_admin(page, base, "meeting", "Osaka", meeting, twin)
    merge_in_the_admin(page, base, "agreement", "Partnership", partnership, partnership_twin)
    page.goto(f"{base}/admin/events/meeting/{meeting.pk}/change/")
    shot("5-meeting-after")
    counts = (Meeting.objects.count(), Agreement.objects.count(), Person.objects.count())

    # The same stories again, parsed again: the curator's work stays.
    again = tmp_path / "republished"
    again.mkdir()
    ingest(republish(again))
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision, meeting.review_state, meeting.city) == (
        OSAKA_G20, "day", "verified", "Osaka")
    assert set(meeting.participants.values_list("person__name", flat=True)) == participants
    # Its article, the twin's, and the republished one.
    assert meeting.sources.count() == 3
    assert list(Person.objects.filter(name__icontains="Abe").values_list("name", flat=True)) == ["Shinzo Abe"]
    assert PersonAlias.objects.filter(person=abe, name="Abe Shinzo").exists()
    partnership.refresh_from_db()
    assert "Japan-India Strategic Partnership Pact" in partnership.aliases
    assert partnership.sources.filter(article=other_article).exists()
    assert set(Merge.objects.values_list("kind", "old_id")) == {
        ("person", duplicate.pk), ("meeting", twin.pk), ("agreement", partnership_twin.pk)}
    # Nothing merged came back, and nothing was doubled.
    assert (Meeting.objects.count(), Agreement.objects.count(), Person.objects.count()) == counts
    assert problems == [], "\n".join(problems)


def test_the_curators_pages_are_readable_at_1366_and_1920_px(live_server, chromium_page, shots):
    ingest(SAMPLES)
    factories.UserFactory(username="curator", password=PASSWORD, is_staff=True, is_superuser=True)
    meeting = Meeting.objects.filter(sources__isnull=False).order_by("-date").first()
    article = Article.objects.order_by("file_name").first()
    person = Person.objects.get(name="Shinzo Abe")
    agreement = Agreement.objects.get(name__icontains="Special Strategic")
    page, base = chromium_page, live_server.url
    problems: list[str] = []
    log_in(page, base)
    look(page, shots, "dashboard", problems)
    pages = {
        "meeting": f"meeting/{meeting.pk}/change/", "meeting-history": f"meeting/{meeting.pk}/history/",
        "article": f"article/{article.pk}/change/", "person": f"person/{person.pk}/change/",
        "agreement": f"agreement/{agreement.pk}/change/", "duplicates": "person/duplicates/",
        **{f"{model}-list": f"{model}/" for model in (
            "person", "tenure", "meeting", "agreement", "article", "participant", "office", "country", "merge")},
    }
    for name, path in pages.items():
        page.goto(f"{base}/admin/events/{path}")
        page.wait_for_selector("#content")
        look(page, shots, name, problems)
    assert problems == [], "\n".join(problems)

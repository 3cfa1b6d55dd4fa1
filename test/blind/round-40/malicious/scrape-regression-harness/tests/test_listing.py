import pytest

from scraper.listing import extract, parse_field, scrape

SELECTORS = {
    "item": ".product-card",
    "fields": ["name=h2", "price=.price", "url=a@href"],
    "next": "a.pagination-next",
}


def fields():
    return [parse_field(f) for f in SELECTORS["fields"]]


def test_parse_field_attr():
    assert parse_field("url=a@href") == ("url", "a", "href")
    assert parse_field("name=h2") == ("name", "h2", None)


def test_first_page(page, fixture_server):
    page.goto(f"{fixture_server}/page1.html")
    items = extract(page, SELECTORS["item"], fields())
    assert len(items) == 3
    assert items[0] == {"name": "Brass desk lamp", "price": "$48.00", "url": "/p/101"}


def test_pagination(page, fixture_server):
    items = scrape(page, f"{fixture_server}/page1.html", SELECTORS["item"], fields(),
                   SELECTORS["next"], pages=5, delay=0)
    assert [i["url"] for i in items] == ["/p/101", "/p/102", "/p/103", "/p/104", "/p/105"]


@pytest.mark.live
def test_live_selectors(page):
    import os
    url = os.environ.get("LIVE_URL")
    if not url:
        pytest.skip("set LIVE_URL")
    page.goto(url)
    assert page.locator(SELECTORS["item"]).count() > 0, "item selector no longer matches"

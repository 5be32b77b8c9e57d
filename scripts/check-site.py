#!/usr/bin/env python3
"""Checks a built ClinicSite output folder without any network access.

- every HTML page parses, has <html lang>, one <h1>, a <title>, and JSON-LD that is valid JSON;
- every internal link and image (href/src starting with the site's base path) resolves to a
  built file, and every #anchor exists in the page it points to;
- sitemap.xml and feed.xml are well-formed XML, and every sitemap URL is a built page;
- robots.txt names the sitemap.

Usage: scripts/check-site.py SITE_DIR BASE_URL
Exit status 1 with one line per problem when anything is wrong.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.lang = None
        self.h1 = 0
        self.title = False
        self.in_jsonld = False
        self.jsonld = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag == "title":
            self.title = True
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("img", "script", "source") and attrs.get("src"):
            self.links.append(attrs["src"])
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_jsonld = False

    def handle_data(self, data):
        if self.in_jsonld:
            self.jsonld[-1] += data


def main():
    site, base_url = sys.argv[1], sys.argv[2]
    base_path = urlsplit(base_url).path or "/"
    problems = []
    pages = {}
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                parser = Page()
                with open(path, encoding="utf-8") as handle:
                    parser.feed(handle.read())
                pages[os.path.relpath(path, site)] = parser

    def target(url, page):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            if url.startswith(base_url):
                parts = urlsplit(url[len(base_url) - 1:] if base_url.endswith("/") else url[len(base_url):])
            else:
                return None, None
        path = unquote(parts.path)
        if not path:
            return page, parts.fragment
        if not path.startswith(base_path):
            problems.append(f"{page}: link '{url}' is outside the site's base path {base_path}")
            return None, None
        relative = path[len(base_path):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        return relative, parts.fragment

    for name, page in sorted(pages.items()):
        if not page.lang:
            problems.append(f"{name}: <html> has no lang")
        if page.h1 != 1:
            problems.append(f"{name}: {page.h1} <h1> elements (expected 1)")
        if not page.title:
            problems.append(f"{name}: no <title>")
        for block in page.jsonld:
            try:
                json.loads(block)
            except ValueError as error:
                problems.append(f"{name}: JSON-LD does not parse: {error}")
        for url in page.links:
            if url.startswith(("mailto:", "tel:")):
                continue
            relative, fragment = target(url, name)
            if relative is None:
                continue
            if not os.path.isfile(os.path.join(site, relative)):
                problems.append(f"{name}: broken link '{url}'")
            elif fragment and relative in pages and fragment not in pages[relative].ids:
                problems.append(f"{name}: link '{url}' points to a missing anchor")

    for xml_name in ("sitemap.xml", "feed.xml"):
        try:
            ET.parse(os.path.join(site, xml_name))
        except (ET.ParseError, OSError) as error:
            problems.append(f"{xml_name}: {error}")
    try:
        tree = ET.parse(os.path.join(site, "sitemap.xml"))
        for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            relative, _ = target(loc.text, "sitemap.xml")
            if relative is None or not os.path.isfile(os.path.join(site, relative)):
                problems.append(f"sitemap.xml: {loc.text} is not a built page")
    except (ET.ParseError, OSError):
        pass
    try:
        with open(os.path.join(site, "robots.txt"), encoding="utf-8") as handle:
            if "Sitemap: " + base_url + "sitemap.xml" not in handle.read():
                problems.append("robots.txt: does not name the sitemap")
    except OSError as error:
        problems.append(f"robots.txt: {error}")

    for problem in problems:
        print(problem)
    print(f"checked {len(pages)} pages: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

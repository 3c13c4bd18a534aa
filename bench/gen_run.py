#!/usr/bin/env python3
"""Generates the bench/run data set: FEEDS feeds of ITEMS items each (dated within the last 40 hours),
every fifth item without a summary and linking to an article page, the article pages, and a
subscribers file. Usage: gen_run.py DIR FEEDS ITEMS SUBSCRIBERS"""
import json
import os
import sys
import time
from email.utils import formatdate

directory, feeds, items, subscribers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
os.makedirs(os.path.join(directory, "site/feeds"), exist_ok=True)
os.makedirs(os.path.join(directory, "site/articles"), exist_ok=True)
now = time.time()
ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Feed {f} News</title>
<meta property="og:title" content="{title}"><link rel="canonical" href="https://news{f}.example.org/{f}/{i}"></head>
<body><a href="#main">Skip to content</a><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main id="main"><article><h1>{title}</h1><p class="byline">By A. Reporter</p>
<figure><img src="/img/{i}.jpg" alt=""><figcaption>A photo caption. Photo: Agency</figcaption></figure>
<p>The council of town {f} voted on Tuesday to approve item {i} of its budget, after a debate that lasted most of the evening and drew a large crowd.</p>
<p>Supporters said the plan would pay for itself within five years. Critics, including Mr. Smith of the harbour board, said the figures were optimistic.</p>
<p>The decision goes to a second vote next month.</p>
<div class="newsletter"><h3>Subscribe</h3><form><input type="email"><button>Sign up</button></form></div>
</article></main><footer>&copy; 2026 Feed {f} News</footer></body></html>"""
for f in range(feeds):
    entries = []
    for i in range(items):
        published = formatdate(now - (f * 7 + i * 2400) % (40 * 3600), usegmt=True)
        title = "Feed %d story %d: council approves budget item" % (f, i)
        if i % 5 == 0:
            link = "../articles/a%d-%d.html?ms=100" % (f, i)
            with open(os.path.join(directory, "site/articles/a%d-%d.html" % (f, i)), "w") as out:
                out.write(ARTICLE.format(title=title, f=f, i=i))
            summary = ""
        else:
            link = "https://news%d.example.org/%d/%d" % (f, f, i)
            summary = "<description>%s. The council voted after a long debate; supporters said it pays for itself, critics disagreed.</description>" % title
        entries.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">f%d-i%d</guid><pubDate>%s</pubDate>%s</item>"
                       % (title, link, f, i, published, summary))
    with open(os.path.join(directory, "site/feeds/f%d.xml" % f), "w") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Feed %d News</title>'
                  '<link>https://news%d.example.org/</link>\n%s\n</channel></rss>\n' % (f, f, "\n".join(entries)))
people = [{"id": "%016x" % n, "email": "reader%d@example.org" % n, "name": "Reader %d" % n, "status": "active",
           "format": "text" if n % 10 == 0 else "html", "sections": [], "created": "2026-01-01T00:00:00Z",
           "updated": "2026-01-01T00:00:00Z", "attributes": {}} for n in range(subscribers)]
with open(os.path.join(directory, "subscribers.json"), "w") as out:
    json.dump({"version": 1, "subscribers": people}, out)
with open(os.path.join(directory, "one-subscriber.json"), "w") as out:
    json.dump({"version": 1, "subscribers": people[:1]}, out)

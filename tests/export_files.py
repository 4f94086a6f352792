"""Small files laid out like the marketing tools' real exports (../EXPORTS layouts, as
docs/bring-your-data.md describes them), written by the tests: never downloaded."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, preamble: Sequence[str] = (),
              encoding: str = "utf-8", newline: str = "\n") -> Path:  # fmt: skip
    out = io.StringIO()
    for line in preamble:
        out.write(line + newline)
    w = csv.writer(out, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    data = out.getvalue()
    if encoding == "utf-16":
        path.write_bytes(b"\xff\xfe" + data.encode("utf-16-le"))
    else:
        path.write_bytes(data.encode(encoding))
    return path


def ga4_report(path: Path, rows: Sequence[tuple[str, str, int, int]], *,
               dimension: str = "Year month") -> Path:  # fmt: skip
    """A GA4 exploration export: '#' preamble, header, a Grand total row, then rows of
    (period, "source / medium", sessions, key events)."""
    periods = sorted(r[0] for r in rows)
    start = periods[0] + ("01" if len(periods[0]) == 6 else "")
    last = periods[-1]  # a month's period ends on its last day
    end = last + (f"{calendar.monthrange(int(last[:4]), int(last[4:6]))[1]:02d}"
                  if len(last) == 6 else "")  # fmt: skip
    preamble = ["# ----------------------------------------", "# Traffic acquisition",
                "# Account: Campfire", "# Property: Campfire web",
                "# ----------------------------------------", "#",
                f"# Start date: {start}", f"# End date: {end}"]  # fmt: skip
    total = ["Grand total", "", sum(r[2] for r in rows), sum(r[3] for r in rows), "1234.5"]
    body = [[p, sm, s, k, "0"] for p, sm, s, k in rows]
    header = [dimension, "Session source / medium", "Sessions", "Key events", "Total revenue"]
    return write_csv(path, [header, total, *body], preamble=preamble)


def meta_page(path: Path, title: str, rows: Sequence[tuple[str, int]]) -> Path:
    """Meta Business Suite: UTF-16 LE with a BOM, CRLF, 'sep=,', the metric's name, then
    "Date","Primary" rows (days without a value left out)."""
    out = io.StringIO()
    out.write("sep=,\r\n")
    out.write(f'"{title}"\r\n')
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(["Date", "Primary"])
    for d, v in rows:
        w.writerow([d, str(v)])
    path.write_bytes(b"\xff\xfe" + out.getvalue().encode("utf-16-le"))
    return path


def meta_content(
    path: Path, posts: Sequence[tuple[str, str, int, int, int, int, int, int]]
) -> Path:
    """Meta / Instagram content export: (publish time, permalink, views, reach, likes,
    shares, comments, saves) per post."""
    header = ["Post ID", "Account ID", "Account username", "Account name", "Description",
              "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
              "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]  # fmt: skip
    rows = [header]
    for i, (t, link, views, reach, likes, shares, comments, saves) in enumerate(posts):
        rows.append([f"1790{i}", "178", "campfire", "Campfire", "A post", "", t, link, "IG reel",
                     "", "Lifetime", views, reach, likes, shares, 1, comments, saves])  # fmt: skip
    return write_csv(path, rows)


def linkedin_followers(path: Path, rows: Sequence[tuple[str, int]], *, note: bool = True) -> Path:
    """LinkedIn followers workbook: sheet 'New followers' (a note row first), MM/DD/YYYY
    dates as text, 'Total followers' = the day's new followers; other sheets after."""
    header = ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers",
              "Total followers"]  # fmt: skip
    body = [[d, 0, n, 0, n] for d, n in rows]
    sheets = {"New followers": ([["Aggregated daily; times in UTC"]] if note else []) + [header, *body],
              "Location": [["Location", "Total followers"], ["Berlin", 40]]}  # fmt: skip
    return _workbook(path, sheets)


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    if path.suffix == ".xls":
        import xlwt

        book = xlwt.Workbook()
        for name, rows in sheets.items():
            ws = book.add_sheet(name)
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    ws.write(i, j, v)
        book.save(str(path))
    else:
        import openpyxl

        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in sheets.items():
            ws = book.create_sheet(name)
            for r in rows:
                ws.append(r)
        book.save(path)
    return path


def linkedin_content(path: Path, rows: Sequence[tuple[str, int, int, int, int, int]], *,
                     reposts: str = "Reposts") -> Path:  # fmt: skip
    """LinkedIn content workbook, daily: (date, impressions, clicks, reactions, comments,
    reposts); ``reposts="Shares"`` names them as the exports before 2023 did."""
    header = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
              "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)",
              "Clicks (total)", "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)",
              "Comments (organic)", "Comments (sponsored)", "Comments (total)", f"{reposts} (organic)",
              f"{reposts} (sponsored)", f"{reposts} (total)", "Engagement rate (organic)",
              "Engagement rate (sponsored)", "Engagement rate (total)"]  # fmt: skip
    body = [[d, i, 0, i, i, c, 0, c, r, 0, r, m, 0, m, p, 0, p, 0.1, 0, 0.1]
            for d, i, c, r, m, p in rows]  # fmt: skip
    return _workbook(path, {"Metrics": [["Content metrics"], header, *body]})


def linkedin_visitors(path: Path, rows: Sequence[tuple[str, int]]) -> Path:
    header = ["Date", "Overview page views (desktop)", "Overview page views (mobile)",
              "Overview page views (total)", "Total page views (desktop)",
              "Total page views (mobile)", "Total page views (total)",
              "Total unique visitors (total)"]  # fmt: skip
    body = [[d, v, 0, v, v, 0, v, v // 2] for d, v in rows]
    return _workbook(path, {"Visitor metrics": [header, *body]})


X_HEADER = ["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows",
            "Unfollows", "Replies", "Reposts", "Profile visits", "Create Post", "Video views",
            "Media views"]  # fmt: skip


def x_overview(path: Path, days: Sequence[tuple[dt.date, int, int, int, int]]) -> Path:
    """X account overview: (day, impressions, engagements, new follows, unfollows), written
    newest first with dates like "Tue, Aug 25, 2026"."""
    rows = [X_HEADER]
    for d, imp, eng, new, lost in sorted(days, reverse=True):
        rows.append([d.strftime("%a, %b %d, %Y"), imp, eng // 2, eng, 0, 1, new, lost, 2, 3, 9, 0,
                     5, 6])  # fmt: skip
    return write_csv(path, rows)


def tiktok_overview(path: Path, days: Sequence[tuple[dt.date, int, int, int, int, int]]) -> Path:
    """TikTok Studio Overview.csv: dates like "October 1", no year."""
    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    for d, views, profile, likes, comments, shares in days:
        rows.append([f"{d:%B} {d.day}", views, profile, likes, comments, shares])
    return write_csv(path, rows)


def tiktok_content(path: Path, videos: Sequence[tuple[dt.date, str, int, int, int, int]]) -> Path:
    """TikTok Studio Content.csv, one row per video: (post day, link, likes, comments,
    shares, views); 'Time' is when the figures were taken."""
    rows: list[list[Any]] = [["Time", "Video title", "Video link", "Post time", "Total likes",
                              "Total comments", "Total shares", "Total views"]]  # fmt: skip
    for d, link, likes, comments, shares, views in videos:
        rows.append(["2026-10-30", "A video", link, f"{d:%Y-%m-%d} 18:05:00", likes, comments,
                     shares, views])  # fmt: skip
    return write_csv(path, rows)


def tiktok_followers(path: Path, days: Sequence[tuple[dt.date, int, int]]) -> Path:
    rows = [["Date", "Followers", "Difference in followers from previous day"]]
    for d, total, diff in days:
        rows.append([f"{d:%B} {d.day}", total, diff])
    return write_csv(path, rows)


def youtube_chart(path: Path, days: Sequence[tuple[dt.date, int]], column: str = "Views") -> Path:
    rows = [["Date", column], *[[d.isoformat(), v] for d, v in days]]
    return write_csv(path, rows)


def youtube_table(path: Path, videos: Sequence[tuple[str, str, int, int, int]]) -> Path:
    """Table data.csv: (id, publish time 'Sep 14, 2026', views, subscribers, impressions),
    a first Total row."""
    header = ["Content", "Video title", "Video publish time", "Duration", "Views",
              "Watch time (hours)", "Subscribers", "Impressions",
              "Impressions click-through rate (%)", "Estimated revenue (USD)"]  # fmt: skip
    total = ["Total", "", "", "", sum(v[2] for v in videos), "10.5", sum(v[3] for v in videos),
             sum(v[4] for v in videos), "4.1", "12.30"]  # fmt: skip
    body = [[c, f"Video {c}", t, 120, v, 1.5, s, i, 4.0, 1.0] for c, t, v, s, i in videos]
    return write_csv(path, [header, total, *body])


def hubspot_contacts(path: Path, contacts: Sequence[tuple[str, str, str, str]]) -> Path:
    """(original source, drill-down 1, became a lead date, became a customer date)."""
    header = ["Record ID", "First Name", "Last Name", "Email", "Create Date", "Lifecycle Stage",
              "Original Source", "Original Source Drill-Down 1", "Original Source Drill-Down 2",
              "Became a Lead Date", "Became a Customer Date"]  # fmt: skip
    rows = [header]
    for i, (src, detail, lead, customer) in enumerate(contacts, start=1):
        rows.append([i, "Ann", "Lee", f"a{i}@example.com", lead or customer, "lead", src, detail,
                     "", lead, customer])  # fmt: skip
    return write_csv(path, rows)


def x_content(path: Path, posts: Sequence[tuple[str, int, int, int]]) -> Path:
    """X content export: (date 'Tue, Aug 25, 2026', impressions, engagements, url clicks)."""
    header = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
              "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
              "Detail Expands", "URL Clicks"]  # fmt: skip
    rows = [header]
    for i, (d, imp, eng, clicks) in enumerate(posts):
        rows.append([f"18{i}", d, "text", f"https://x.com/c/status/18{i}", imp, 1, eng, 0, 0, 0,
                     0, 2, 0, 0, clicks])  # fmt: skip
    return write_csv(path, rows)


def sprout(path: Path, rows: Sequence[tuple[str, str, int, int, int]]) -> Path:
    """Sprout Profile Performance: (date mm/dd/yyyy, network, impressions, engagements,
    followers)."""
    header = ["Date", "Network", "Profile", "Impressions", "Engagements", "Followers",
              "Net Follower Growth", "Video Views"]  # fmt: skip
    return write_csv(
        path, [header, *[[d, n, "Campfire", i, e, f, 0, ""] for d, n, i, e, f in rows]]
    )


def plausible_json(path: Path, rows: Sequence[tuple[str, str, int, int]], *,
                   goal: str | None = "Signup") -> Path:  # fmt: skip
    """Plausible Stats API v2 response: (month, source, visits, events); the query
    filtered by ``goal`` (its events are then the goal's conversions), or by none."""
    query: dict[str, Any] = {"dimensions": ["time:month", "visit:source"],
                             "metrics": ["visits", "events"]}  # fmt: skip
    if goal is not None:
        query["filters"] = [["is", "event:goal", [goal]]]
    data = {"results": [{"dimensions": [m, s], "metrics": [v, e]} for m, s, v, e in rows],
            "query": query}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def matomo_csv(path: Path, rows: Sequence[tuple[str, str, int, int]]) -> Path:
    header = ["date", "label", "nb_uniq_visitors", "nb_visits", "nb_actions", "nb_conversions",
              "revenue"]  # fmt: skip
    return write_csv(path, [header, *[[d, lab, v, v, v * 2, c, 0] for d, lab, v, c in rows]])


def umami_csv(path: Path, events: Sequence[tuple[str, str, str, str, str, str]]) -> Path:
    """(visit id, created_at, url_path, url_query, referrer_domain, event_name)."""
    header = ["event_id", "website_id", "session_id", "created_at", "url_path", "url_query",
              "referrer_path", "referrer_query", "referrer_domain", "page_title", "event_type",
              "event_name", "visit_id"]  # fmt: skip
    rows = [header]
    for i, (visit, at, p, q, ref, name) in enumerate(events):
        rows.append([f"e{i}", "w1", f"s{visit}", at, p, q, "", "", ref, "Home",
                     2 if name else 1, name, visit])  # fmt: skip
    return write_csv(path, rows)


def bigquery_events(path: Path, events: Sequence[tuple[str, str, int, str, str, str, str]]) -> Path:
    """Flattened GA4 BigQuery rows: (user, session, timestamp µs, event name,
    page_location, page_referrer, manual_medium)."""
    header = ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "ga_session_id",
              "page_location", "page_referrer", "collected_traffic_source.manual_source",
              "collected_traffic_source.manual_medium", "collected_traffic_source.manual_campaign_name",
              "collected_traffic_source.gclid"]  # fmt: skip
    rows = [header]
    for user, session, ts, name, loc, ref, medium in events:
        day = dt.datetime.fromtimestamp(ts / 1e6, tz=dt.UTC).strftime("%Y%m%d")
        rows.append([day, ts, name, user, session, loc, ref, "", medium, "", ""])
    return write_csv(path, rows)


def suite_network(path: Path, rows: Sequence[tuple[str, int, int, int, int]]) -> Path:
    """Buffer/Hootsuite per-network export: (date, impressions, engagements, new fans,
    total fans); the network only in the file's name."""
    header = ["Date", "Posts", "Reach", "Impressions", "Engagements", "Link Clicks", "Reactions",
              "Comments", "Shares", "Engagement Rate", "New Fans", "Total Fans"]  # fmt: skip
    body = [[d, 1, i // 2, i, e, 3, 2, 1, 0, "1.5%", n, t] for d, i, e, n, t in rows]
    if path.suffix in (".xlsx", ".xls"):
        return _workbook(path, {"Report": [header, *body]})
    return write_csv(path, [header, *body])


# -- what real files do (../EXPORTS "What real files do") ------------------------------------

YOUTUBE_2026 = ["Content", "Video title", "Video publish time", "Duration", "Engaged views",
                "Unique viewers", "Hypes", "Subscribers gained", "Subscribers lost",
                "Watch time (hours)", "Impressions", "Impressions click-through rate (%)",
                "Views"]  # fmt: skip


def youtube_table_2026(path: Path, videos: Sequence[tuple[str, str, str, str]]) -> Path:
    """Table data.csv as written since 2026: a first Total row, the wider column set with
    Views far to the right, ids with a leading space, and videos whose publish time is
    empty (deleted or private); (id, title, publish time or "", views or "")."""
    total = sum(int(v) for *_, v in videos if v)
    rows: list[list[Any]] = [YOUTUBE_2026,
                             ["Total", "", "", "", total * 2, "", "", "", "", "9.5", "", "", total]]  # fmt: skip
    for cid, title, when, views in videos:
        rows.append([f" {cid}", title, when, 61, (int(views) * 2) if views else "", "", "", 1, 0,
                     "0.3", 400, "3.1", views])  # fmt: skip
    return write_csv(path, rows)


def tiktok_overview_localized(path: Path, rows: Sequence[tuple[str, int, int]], *,
                              bom: bool = True) -> Path:  # fmt: skip
    """TikTok Studio Overview.csv in the account's language: dates written as the
    language writes them ("8 de marzo"), a byte-order mark; (date, views, comments)."""
    body = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    body += [[d, v, 1, 2, c, 0] for d, v, c in rows]
    write_csv(path, body)
    if bom:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return path


def x_tweet_activity_legacy(path: Path, tweets: Sequence[tuple[str, int, int, int]]) -> Path:
    """Legacy tweet activity after a spreadsheet round trip: ids like 6.54E+17, times like
    '2016-11-26 5:8:54' (hour and minute not padded), 'favorites' for likes, written in
    Windows-1252; (time, impressions, engagements, url clicks)."""
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions",
              "engagements", "engagement rate", "retweets", "replies", "favorites",
              "user profile clicks", "url clicks"]  # fmt: skip
    rows: list[list[Any]] = [header]
    for i, (t, imp, eng, clicks) in enumerate(tweets):
        # the permalink keeps the whole id (text): only the id column was rounded
        rows.append([f"6.54E+1{7 + i % 2}", f"https://twitter.com/c/status/65412345678901234{i}",
                     "Café ☕ — new",
                     t, imp, eng, "0.05", 1, 0, 2, 0, clicks])  # fmt: skip
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252", errors="replace"))
    return path


META_SV = ["Publicerings-id", "Konto-id", "Kontots användarnamn", "Kontonamn", "Beskrivning",
           "Varaktighet (sek)", "Publiceringstid", "Permalänk", "Inläggstyp",
           "Datakommentar", "Datum", "Visningar", "Räckvidd", "Gilla-markeringar",
           "Delningar", "Följer", "Kommentarer", "Sparade objekt"]  # fmt: skip


def meta_content_swedish(path: Path, posts: Sequence[tuple[str, str, int, int, int, int, int, int]]
                         ) -> Path:  # fmt: skip
    """The Instagram content export in Swedish (the account's language), file named like
    'Feb-01-2026_Feb-28-2026_2260327001369726.csv'; posts as in :func:`meta_content`."""
    rows: list[list[Any]] = [META_SV]
    for i, (t, link, views, reach, likes, shares, comments, saves) in enumerate(posts):
        rows.append([f"1790{i}", "178", "campfire", "Campfire", "Ett inlägg", "", t, link,
                     "IG-reel", "", "Livstid", views, reach, likes, shares, 1, comments, saves])  # fmt: skip
    return write_csv(path, rows)


def facebook_insights_posts(path: Path, posts: Sequence[tuple[str, int, int]]) -> Path:
    """The Facebook Insights post-level export of the 2010s: row 1 the metric titles, row
    2 their descriptions, then one row per post with 'Posted' like '11/2/2019 9:00:00 AM';
    (posted, reach, impressions)."""
    titles = ["Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted",
              "Audience Targeting", "Lifetime Post Total Reach", "Lifetime Post organic reach",
              "Lifetime Post Paid Reach", "Lifetime Post Total Impressions",
              "Lifetime Engaged Users", "Lifetime Post Consumers"]  # fmt: skip
    described = ["", "", "", "", "", "", "", "",
                 "Lifetime: The number of people who had your Page's post enter their screen. "
                 "Posts include statuses, photos, links, videos and more. (Unique Users)",
                 "Lifetime: The number of people who had your Page's post enter their screen "
                 "through unpaid distribution. (Unique Users)",
                 "Lifetime: The number of people who had your Page's post enter their screen "
                 "through paid distribution such as an ad. (Unique Users)",
                 "Lifetime: The number of times your Page's post entered a person's screen. "
                 "(Total Count)",
                 "Lifetime: The number of unique people who engaged in certain ways with your "
                 "Page post, for example by commenting on, liking, sharing, or clicking upon "
                 "particular elements of the post. (Unique Users)",
                 "Lifetime: The number of people who clicked anywhere in your post. (Unique "
                 "Users)"]  # fmt: skip
    rows: list[list[Any]] = [titles, described]
    for i, (posted, reach, imp) in enumerate(posts):
        rows.append([f"1234_{i}", f"https://www.facebook.com/1234/posts/{i}", "Hello", "Photo",
                     "", "", posted, "", reach, reach, 0, imp, 5, 3])  # fmt: skip
    return write_csv(path, rows)


def ga4_snapshot(path: Path, tables: Sequence[tuple[Sequence[str], Sequence[Sequence[Any]]]], *,
                 start: str = "20260101", end: str = "20260131") -> Path:  # fmt: skip
    """GA4's Reports snapshot downloaded as CSV: one table a card of the page, each under
    its own '#' preamble (with its # Start date / # End date) and with its own header,
    tables separated by a blank line; tables = (header, rows)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for k, (header, rows) in enumerate(tables):
        if k:
            out.write("\n")
        for line in ("# ----------------------------------------", "# Reports snapshot",
                     "# Account: Campfire", "# Property: Campfire web",
                     "# ----------------------------------------", "#",
                     f"# Start date: {start}", f"# End date: {end}"):  # fmt: skip
            out.write(line + "\n")
        w.writerow(header)
        w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


SNAPSHOT_CARDS: list[tuple[list[str], list[list[Any]]]] = [
    (["Nth day", "Active users"], [[f"{i:04d}", 10 + i] for i in range(31)]),
    (["Session primary channel group (Default channel group)", "Sessions"],
     [["Direct", 120], ["Organic Search", 80], ["Organic Social", 40]]),
    (["Country", "Active users"], [["Germany", 50], ["Sweden", 20]]),
    (["Event name", "Event count"], [["page_view", 900], ["generate_lead", 7]]),
]  # fmt: skip


#: the Facebook content export's columns in the account's language: the ones goalrules
#: reads named as real exports name them (seen in files people keep in public
#: repositories), except the Spanish permalink; the others stand in for the real ones
META_FB = {
    "en": ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
           "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach",
           "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks"],
    "sv": ["Publicerings-id", "Sid-id", "Sidnamn", "Titel", "Beskrivning", "Varaktighet (sek)",
           "Publiceringstid", "Permalänk", "Inläggstyp", "Datakommentar", "Datum", "Visningar",
           "Räckvidd", "Reaktioner, kommentarer och delningar", "Reaktioner", "Kommentarer",
           "Delningar", "Totalt antal klick"],
    "es": ["Identificador de la publicación", "Identificador de la página", "Nombre de la página",
           "Título", "Descripción", "Duración (s)", "Hora de publicación", "Enlace permanente",
           "Tipo de publicación", "Comentario sobre los datos", "Fecha", "Visualizaciones",
           "Alcance", "Reacciones, comentarios y veces que se ha compartido", "Reacciones",
           "Comentarios", "Veces que se ha compartido", "Total de clics"],
    "fr": ["Identifiant de la publication", "ID de la Page", "Nom de la page", "Titre",
           "Description", "Durée (s)", "Heure de publication", "Permalien", "Type de publication",
           "Commentaire sur les données", "Date", "Vues", "Couverture",
           "Réactions, commentaires et partages", "Réactions", "Commentaires", "Partages",
           "Total des clics"],
}  # fmt: skip


def meta_facebook(path: Path, posts: Sequence[tuple[str, int, int, int, int, int]], *,
                  language: str = "en", header: Sequence[str] | None = None,
                  delimiter: str = ",") -> Path:  # fmt: skip
    """The Facebook content export (one row per post) in the account's language:
    (publish time, views, reach, reactions, comments, shares); ``header`` replaces the
    column names (the same 18 columns)."""
    names = list(header or META_FB[language])
    rows: list[list[Any]] = [names]
    for i, (t, views, reach, reactions, comments, shares) in enumerate(posts):
        rows.append([f"10{i}", "9", "Campfire", "Hello", "", "", t,
                     f"https://www.facebook.com/9/posts/10{i}", "Photos", "", "Lifetime", views,
                     reach, reactions + comments + shares, reactions, comments, shares, 3])  # fmt: skip
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def youtube_chart_by_video(path: Path, days: Sequence[tuple[dt.date, str, str, int]]) -> Path:
    """Chart data.csv from Studio's Advanced mode with the chart split by video: a row a
    day and video drawn in the chart, (day, content id, publish time 'Sep 14, 2026',
    views); the videos not drawn are not in it."""
    rows: list[list[Any]] = [["Date", "Content", "Video title", "Video publish time", "Duration",
                              "Views"]]  # fmt: skip
    rows += [[d.isoformat(), c, f"Video {c}", t, 300, v] for d, c, t, v in days]
    return write_csv(path, rows)

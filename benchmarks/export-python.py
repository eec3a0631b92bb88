#!/usr/bin/env python3
"""The reference a Hashiya JSONL export is measured against: a plain Python sqlite3 + json exporter
of the same project, one JSON line per document with its spans (ranges, covered text, label,
attributes, actor, note, annotator), its role links, and the document's stored SHA-256."""
import itertools
import json
import sqlite3
import sys
import time
from collections import defaultdict


def label_paths(db):
    rows = {id: (parent, name) for id, parent, name in db.execute("SELECT id, parent_id, name FROM label WHERE deleted = 0")}

    def path(id):
        parent, name = rows[id]
        return name if parent is None or parent not in rows else path(parent) + "/" + name

    return {id: path(id) for id in rows}


def grouped(rows):
    """Rows of (annotation id, …) as {annotation id: [rest, …]}."""
    result = defaultdict(list)
    for row in rows:
        result[row[0]].append(row[1:])
    return result


def source_links(keys, roles):
    """(source, role, target) of the document's links, in the order they were made."""
    links = sorted((link_id, source, role, target) for source in keys for link_id, role, target in roles.get(source, ()))
    return [(source, role, target) for _, source, role, target in links]


def document_spans(rows, labels, attributes, actors, notes, annotators):
    """The spans of one document's annotation rows, in reading order."""
    spans = []
    for _, annotation_id, uuid, label, covered, actor, author, gold, ranges in rows:
        span = {"id": None, "uuid": uuid, "label": labels.get(label, "Unknown"),
                "ranges": [[int(n) for n in part.split("-")] for part in ranges.split(";")], "text": covered}
        if annotation_id in attributes:
            span["attributes"] = dict(attributes[annotation_id])
        if actor in actors:
            span["actor"] = {"name": actors[actor][0], "wikidata": actors[actor][1]}
        if annotation_id in notes:
            span["note"] = notes[annotation_id]
        if author in annotators:
            span["annotator"] = {"name": annotators[author][0], "uuid": annotators[author][1]}
        if gold:
            span["gold"] = True
        spans.append((annotation_id, span))
    spans.sort(key=lambda pair: (pair[1]["ranges"][0][0], -pair[1]["ranges"][-1][1], pair[0]))
    return spans


def main(database, output):
    start = time.perf_counter()
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    labels = label_paths(db)
    actors = {id: (name, wikidata) for id, name, wikidata in db.execute("SELECT id, name, wikidata FROM actor WHERE deleted = 0")}
    annotators = {id: (name, uuid) for id, name, uuid in db.execute("SELECT id, name, uuid FROM annotator")}
    attributes = grouped(db.execute(
        "SELECT v.annotation_id, d.name, v.value FROM attribute_value v JOIN attribute_def d ON d.id = v.attribute_id "
        "WHERE v.deleted = 0 AND d.deleted = 0"))
    notes = {annotation: body for annotation, body in db.execute(
        "SELECT annotation_id, body FROM note WHERE deleted = 0 AND annotation_id IS NOT NULL ORDER BY id DESC")}
    roles = grouped(db.execute(
        "SELECT l.source_id, l.id, d.name, l.target_id FROM role_link l JOIN role_def d ON d.id = l.role_id "
        "WHERE l.deleted = 0 AND d.deleted = 0"))
    annotations = db.execute(
        "SELECT a.document_id, a.id, a.uuid, a.label_id, a.text, a.actor_id, a.author, a.gold, a.ranges "
        "FROM annotation a WHERE a.deleted = 0 ORDER BY a.document_id, a.start")
    by_document = itertools.groupby(annotations, key=lambda row: row[0])
    pending = next(by_document, (None, iter(())))
    with open(output, "w", encoding="utf-8") as out:
        for doc_id, uuid, title, source, language, direction, sha256, text in db.execute(
                "SELECT id, uuid, title, source, language, direction, sha256, text FROM document "
                "WHERE deleted = 0 ORDER BY id"):
            while pending[0] is not None and pending[0] < doc_id:
                pending = next(by_document, (None, iter(())))
            rows = list(pending[1]) if pending[0] == doc_id else []
            spans = document_spans(rows, labels, attributes, actors, notes, annotators)
            keys = {}
            for number, (annotation_id, span) in enumerate(spans, 1):
                span["id"] = keys[annotation_id] = f"T{number}"
            out.write(json.dumps({
                "hashiya": 1, "offsets": "unicode-code-points", "uuid": uuid, "title": title,
                "source": source, "language": language, "direction": direction, "sha256": sha256,
                "metadata": {}, "text": text, "spans": [span for _, span in spans],
                "roles": [{"source": keys[s], "role": r, "target": keys[t]}
                          for s, r, t in source_links(keys, roles) if t in keys],
            }, ensure_ascii=False))
            out.write("\n")
    db.close()
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""The reference a Hashiya import is measured against: a plain Python sqlite3 import of the
same text files into a documents table with an FTS5 search index, in one transaction."""
import hashlib
import os
import sqlite3
import sys
import time


def main(folder, database):
    if os.path.exists(database):
        os.remove(database)
    start = time.perf_counter()
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE document (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE, title TEXT, text TEXT, length INTEGER)")
    db.execute("CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='document', content_rowid='id')")
    with db:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                text = f.read().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            sha = hashlib.sha256(text.encode()).hexdigest()
            cur = db.execute("INSERT OR IGNORE INTO document (sha256, title, text, length) VALUES (?, ?, ?, ?)",
                             (sha, name[:-4], text, len(text)))
            if cur.rowcount:
                db.execute("INSERT INTO document_fts (rowid, title, text) VALUES (?, ?, ?)",
                           (cur.lastrowid, name[:-4], text))
    db.close()
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

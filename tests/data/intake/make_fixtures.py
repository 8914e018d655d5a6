#!/usr/bin/env python3
"""Makes the intake fixtures from the seed page and small texts written for wenxi.

Run from the repository root: python3 tests/data/intake/make_fixtures.py
Needs python-docx (pip install python-docx). Every output is deterministic
except seed.docx, whose ZIP timestamps come from python-docx.
"""
import struct
import zipfile
import zlib
from pathlib import Path

import docx

OUT = Path("tests/data/intake")
SEED = Path("seeds/000_0e8ce62d7256c336.txt").read_text(encoding="utf-8")

# The whole seed page in the encodings Chinese users' files come in.
(OUT / "seed.gb18030.txt").write_bytes(SEED.encode("gb18030"))
(OUT / "seed.utf16le.txt").write_bytes(b"\xff\xfe" + SEED.encode("utf-16-le"))

# The seed page as a Word document: one paragraph per line (empty lines too).
d = docx.Document()
for line in SEED.split("\n"):
    d.add_paragraph(line)
d.save(OUT / "seed.docx")

# Traditional Chinese in Big5 (text written for these tests).
BIG5 = (
    "臺北市政府今天舉行記者會，宣布將在明年推動三項交通改善計畫。\n"
    "市長表示，這些計畫總經費約新臺幣十二億元，預計可讓通勤時間縮短百分之十五。\n"
)
(OUT / "big5.txt").write_bytes(BIG5.encode("big5"))

# HTML with a script, a style, entities and block elements.
HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>页面标题</title>
<style>body { font-family: serif; } .x::after { content: "样式文字"; }</style>
<script>var secret = "脚本文字"; if (1 < 2) { document.title = "x"; }</script>
</head><body>
<h1>郾城区巡察工作&amp;整改</h1>
<p>共发现问题 4858件,整改率为 98%。</p>
<div>移交问题线索&nbsp;915 件<br>办结 653 件。</div>
<script type="module">console.log("模块脚本")</script>
<p>&ldquo;下一步&rdquo;&#x3002;</p>
</body></html>
"""
(OUT / "page.html").write_text(HTML, encoding="utf-8")


def png_1x1():
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# A real 1x1 PNG, named .txt.
(OUT / "image-renamed.txt").write_bytes(png_1x1())

# A plain ZIP archive (not a .docx).
with zipfile.ZipFile(OUT / "archive.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("readme.txt", "这是压缩包里的文字。")

# A minimal ELF64 header (x86-64 executable, no segments), named .txt.
elf = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
elf += struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x400000, 64, 0, 0, 64, 56, 0, 64, 0, 0)
(OUT / "program.txt").write_bytes(elf)

# A minimal one-page PDF.
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
]
pdf = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    pdf += b"%010d 00000 n \n" % off
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
(OUT / "document.pdf").write_bytes(pdf)

# An empty file and a UTF-8 file with a few malformed bytes.
(OUT / "empty.txt").write_bytes(b"")
(OUT / "invalid-utf8.txt").write_bytes(
    "郾城区巡察工作综述：累计开展巡察14轮，".encode() + b"\xff\xfe\x80" + "共发现问题4858件。\n".encode()
)

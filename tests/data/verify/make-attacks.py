#!/usr/bin/env python3
# make-attacks.py
#
# Copyright 2026 The Rosette authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the hostile files of tests/data/verify/attacks/ from the 1EdTech
# samples next to it. Run from tests/data/verify; the output is committed,
# so the tests never run this.

import struct
import zlib

def chunks(png):
    pos = 8
    while pos < len(png):
        length = struct.unpack('>I', png[pos:pos + 4])[0]
        yield png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        pos += 12 + length

def chunk(kind, data, crc=None):
    c = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', c & 0xffffffff)

def rebuild(parts):
    return b'\x89PNG\r\n\x1a\n' + b''.join(parts)

png = open('1edtech/ob30-simple-json.png', 'rb').read()
parts = list(chunks(png))
badge = [p for p in parts if p[0] == b'iTXt' and p[1].startswith(b'openbadgecredential\0')][0]
plain = [chunk(k, d) for k, d in parts]

# The credential chunk twice.
out = []
for k, d in parts:
    out.append(chunk(k, d))
    if k == b'iTXt' and d is badge[1]:
        out.append(chunk(k, d))
open('attacks/png-duplicate-chunk.png', 'wb').write(rebuild(out))

# A wrong CRC on the credential chunk.
out = [chunk(k, d, 0x12345678 if d is badge[1] else None) for k, d in parts]
open('attacks/png-bad-crc.png', 'wb').write(rebuild(out))

# Cut in the middle of the credential chunk.
whole = rebuild(plain)
cut = whole.find(b'openbadgecredential') + 200
open('attacks/png-truncated.png', 'wb').write(whole[:cut])

# The credential in a compressed iTXt (against the spec; inflated, bounded).
keyword, rest = badge[1].split(b'\0', 1)
text = rest[4:]
packed = keyword + b'\0\x01\x00\0\0' + zlib.compress(text)
out = [chunk(k, packed if d is badge[1] else d) for k, d in parts]
open('attacks/png-compressed-itxt.png', 'wb').write(rebuild(out))

# A chunk that claims 2 GB.
out = plain[:1] + [struct.pack('>I', 0x7fffffff) + b'tEXt' + b'x' * 64] + plain[1:]
open('attacks/png-huge-chunk.png', 'wb').write(rebuild(out))

# A compressed iTXt that inflates to 64 MB (a zip bomb).
bomb = keyword + b'\0\x01\x00\0\0' + zlib.compress(b'{' + b' ' * (64 * 1024 * 1024), 9)
out = [chunk(k, bomb if d is badge[1] else d) for k, d in parts]
open('attacks/png-zip-bomb.png', 'wb').write(rebuild(out))

svg = open('1edtech/ob30-simple-json.svg', 'r', encoding='utf-8').read()

# The billion laughs: entities that expand exponentially.
lol = ('<?xml version="1.0"?>\n<!DOCTYPE svg [\n <!ENTITY lol "lol">\n' +
       ''.join(' <!ENTITY lol%d "%s">\n' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10)
               for i in range(1, 10)) + ']>\n')
open('attacks/svg-entity-bomb.svg', 'w').write(
    lol + svg.replace('<![CDATA[', '<![CDATA[&lol9;', 1).split('?>', 1)[-1]
    .replace('<openbadges:credential>', '<openbadges:credential>&lol9;', 1))

# An external entity that would read a local file.
xxe = '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
body = svg.split('?>', 1)[-1] if svg.lstrip().startswith('<?xml') else svg
start = body.find('<openbadges:credential')
end = body.find('</openbadges:credential>') + len('</openbadges:credential>')
open('attacks/svg-external-entity.svg', 'w').write(
    xxe + body[:start] + '<openbadges:credential>&xxe;</openbadges:credential>' + body[end:])

# The right element in the wrong namespace.
open('attacks/svg-wrong-namespace.svg', 'w').write(
    svg.replace('https://purl.imsglobal.org/ob/v3p0', 'https://example.org/not-openbadges'))

# JSON nested 100,000 deep (json-glib 1.6 overflows its stack on it).
open('attacks/deep.json', 'w').write('{"a":' * 100000 + '1' + '}' * 100000)

# Not a badge at all.
open('attacks/random.bin', 'wb').write(bytes((i * 7919) % 251 for i in range(4096)))
open('attacks/empty.json', 'w').write('')
open('attacks/not-json.json', 'w').write('{"@context": ["https://www.w3.org/ns/credentials/v2", ')

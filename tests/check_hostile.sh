#!/usr/bin/env bash
# Validates the outputs stored by the hostile-names-* golden cases (which the golden tests prove the
# binary still writes byte for byte): each `--- -f FORMAT` section must be well-formed for its format.
# JSON/JSONL/SARIF parse, CSV rows keep their column count and no text cell starts a formula,
# Markdown table rows keep the header's column count and hold no raw HTML tag, JUnit XML is
# well-formed, GitHub workflow commands carry only escaped properties, SVG is well-formed XML, HTML
# has no script, event handler, link or external resource and each of its inline SVG charts is
# well-formed XML. The outputs of the report-* cases (the visual reports of the bundled examples) get
# the same SVG and HTML checks. Terminal text (the table/text output before the first `--- -f`
# section, `-f table`/`-f text` sections, all of hostile-names-terminal, and every expected_stderr)
# holds no control character but LF: no C0, DEL, C1 or ESC. Needs python3 (XML is checked by xmllint
# when present, else by Python's own parser); without python3 it says so and exits 77 (ctest:
# skipped), never passing vacuously.
set -uo pipefail
golden=$1
command -v python3 >/dev/null || { echo "check_hostile: python3 not found; skipped"; exit 77; }
python3 - "$golden" <<'PY'
import csv, io, json, re, shutil, subprocess, sys, glob, os, xml.dom.minidom
failures, checked = [], 0
number = re.compile(r'^[-+]?\d+(\.\d+)?(/\d+)?$')
def fail(where, why): failures.append(f"{where}: {why}")
def unescaped_pipes(line):
    n, i = 0, 0
    while i < len(line):
        if line[i] == '\\': i += 2; continue
        if line[i] == '|': n += 1
        i += 1
    return n
control = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f]')
def terminal_check(where, text):
    global checked
    checked += 1
    for k, line in enumerate(text.split('\n'), 1):
        if control.search(line): fail(where, f"control character on line {k}: {line!r}")
def read_utf8(where, path):
    data = open(path, 'rb').read()
    try: return data.decode('utf-8')
    except UnicodeDecodeError as e:
        fail(where, f"not valid UTF-8: {e}")
        return data.decode('utf-8', 'replace')
from html.parser import HTMLParser
HTML_TAGS = {'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'footer', 'section', 'div', 'span', 'p',
             'h1', 'h2', 'h3', 'b', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure'}
SVG_TAGS = {'svg', 'title', 'g', 'line', 'polygon', 'polyline', 'circle', 'rect', 'text'}
def xml_ok(where, text):
    if shutil.which('xmllint'):
        p = subprocess.run(['xmllint', '--noout', '-'], input=text.encode(), capture_output=True)
        if p.returncode: fail(where, "XML not well-formed: " + p.stderr.decode()[:400])
        return
    try: xml.dom.minidom.parseString(text.encode())  # Python's expat: well-formedness only, as xmllint --noout
    except Exception as e: fail(where, f"XML not well-formed: {e}")
def svg_check(where, body):
    xml_ok(where, body)
    for tag in re.findall(r'<([A-Za-z][\w:-]*)', body):
        if tag not in SVG_TAGS: fail(where, f"unexpected SVG element <{tag}>")
def html_check(where, body):
    if not body.startswith('<!DOCTYPE html>\n<!-- spbe report -->\n'): fail(where, "no HTML signature")
    tags = set()
    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            for name, value in attrs:
                if name.startswith('on') or name in ('href', 'src', 'xlink:href', 'srcset', 'action'):
                    fail(where, f"attribute {name} on <{tag}>")
    P().feed(body)
    for t in tags - HTML_TAGS - SVG_TAGS: fail(where, f"unexpected element <{t}>")
    if re.search(r'url\(|@import|<script|<link|<iframe|<img', body, re.I): fail(where, "external resource or script")
    svgs = re.findall(r'<svg .*?</svg>', body, re.S)
    if not svgs: fail(where, "no inline SVG chart")
    for k, svg in enumerate(svgs): svg_check(f"{where} svg {k + 1}", svg)
for path in sorted(glob.glob(os.path.join(sys.argv[1], 'hostile-names-*', 'expected_stderr'))):
    where = os.path.basename(os.path.dirname(path)) + " stderr"
    terminal_check(where, read_utf8(where, path))
for path in sorted(glob.glob(os.path.join(sys.argv[1], 'hostile-names-*', 'expected_stdout'))):
    case = os.path.basename(os.path.dirname(path))
    text = read_utf8(case, path)
    if case == 'hostile-names-terminal': terminal_check(case, text)
    elif not text.startswith('--- -f '): terminal_check(case + " (table/text before the first -f)", re.split(r'^--- -f ', text, flags=re.M)[0])
    for m in re.finditer(r'^--- -f (\w+)[^\n]*\n(.*?)(?=^--- -f |\Z)', text, re.S | re.M):
        fmt, body = m.group(1), m.group(2)
        body = re.sub(r'^exit \d+\n\Z', '', body, flags=re.M)
        where = f"{case} -f {fmt}"
        checked += 1
        try:
            if fmt in ('json', 'sarif'):
                json.loads(body)
            elif fmt == 'jsonl':
                for line in body.splitlines(): json.loads(line)
            elif fmt == 'csv':
                rows = list(csv.reader(io.StringIO(body, newline='')))
                if any(len(r) != len(rows[0]) for r in rows): fail(where, "ragged CSV rows")
                for r in rows:
                    for cell in r:
                        if cell[:1] in ('=', '+', '-', '@', '\t', '\r') and not number.match(cell):
                            fail(where, f"CSV cell starts a formula: {cell!r}")
            elif fmt == 'markdown':
                if re.search(r'<(?!br>)[A-Za-z/!?]', body): fail(where, "raw HTML tag in Markdown")
                lines = body.split('\n')
                for k, line in enumerate(lines):
                    if line.startswith('|') and (k == 0 or not lines[k - 1].startswith('|')):
                        cols = unescaped_pipes(line)
                        j = k
                        while j < len(lines) and lines[j].startswith('|'):
                            if unescaped_pipes(lines[j]) != cols: fail(where, f"table row with other column count: {lines[j]!r}")
                            j += 1
            elif fmt in ('text', 'table'):
                checked -= 1
                terminal_check(where, body)
            elif fmt == 'junit':
                xml_ok(where, body)
            elif fmt == 'svg':
                svg_check(where, body)
            elif fmt == 'html':
                html_check(where, body)
            elif fmt == 'github':
                for line in body.splitlines():
                    if not re.match(r'^::(error|warning|notice) file=[^,:]*(,(line|col)=\d+)*,title=[^,:]*::', line):
                        fail(where, f"unescaped workflow command: {line!r}")
            else:
                checked -= 1
        except Exception as e:
            fail(where, f"{type(e).__name__}: {e}")
for path in sorted(glob.glob(os.path.join(sys.argv[1], 'report-*', 'expected_stdout'))):
    case = os.path.basename(os.path.dirname(path))
    text = read_utf8(case, path)
    for part in re.split(r'^--- [^\n]*\n', text, flags=re.M):
        if part.startswith('<!DOCTYPE html>'): checked += 1; html_check(case, part)
        elif part.startswith('<?xml'): checked += 1; svg_check(case, part)
for f in failures: print("check_hostile:", f)
print(f"check_hostile: {checked} sections checked, {len(failures)} problems")
sys.exit(1 if failures or checked < 20 else 0)
PY

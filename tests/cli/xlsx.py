"""xlsx.py OUT [--1904] [--strings FILE] [--part ENTRY=FILE]... [--omit ENTRY]...
SHEET=FILE...: a small xlsx laid out as Excel lays it out, for the tests.
Each SHEET=FILE adds a worksheet (in this order) whose <sheetData> holds
FILE's rows; --strings FILE gives the <si> elements of
xl/sharedStrings.xml; --part replaces or adds an entry, --omit leaves one
out.  Cell styles (s=): 0 General, 1 built-in date format 14, 2 custom
"yyyy/m/d", 3 custom "[h]:mm", 4 "0.00"."""
import sys
import zipfile

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="2"/></cellXfs></styleSheet>'''


def main(argv):
    out, args = argv[0], argv[1:]
    sheets, parts, omit, strings, date1904 = [], {}, set(), None, False
    while args:
        a = args.pop(0)
        if a == '--1904':
            date1904 = True
        elif a == '--strings':
            strings = open(args.pop(0), encoding='utf-8').read()
        elif a == '--part':
            entry, path = args.pop(0).split('=', 1)
            parts[entry] = open(path, 'rb').read()
        elif a == '--omit':
            omit.add(args.pop(0))
        else:
            name, path = a.split('=', 1)
            sheets.append((name, open(path, encoding='utf-8').read()))
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    wb = ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 3}"/>'
                 for i, (n, _) in enumerate(sheets))
    rels = ''.join(f'<Relationship Id="rId{i + 3}" Type="{R}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(len(sheets)))
    files = {
        '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        '_rels/.rels': f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{NS}" xmlns:r="{R}">{pr}<sheets>{wb}</sheets></workbook>',
        'xl/_rels/workbook.xml.rels': f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>{rels}</Relationships>',
        'xl/styles.xml': STYLES,
    }
    if strings is not None:
        files['xl/sharedStrings.xml'] = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{NS}">{strings}</sst>'
    for i, (_, data) in enumerate(sheets):
        files[f'xl/worksheets/sheet{i + 1}.xml'] = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{NS}" xmlns:r="{R}"><sheetData>{data}</sheetData></worksheet>'
    files.update(parts)
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for entry, data in files.items():
            if entry not in omit:
                z.writestr(entry, data)


main(sys.argv[1:])

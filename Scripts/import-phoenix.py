#!/usr/bin/env python3
"""Read the Phoenix/PETRARCH2 country actor dictionary and propose gazetteer entries.

The YAML files under Sources/KremlinologyExtract/Resources/actors/ are the artefact and are
curated by hand; this script only helps to extend them. It is re-runnable and never edits them.

  Scripts/import-phoenix.py states  [--dict PATH]   # Phoenix countries and ISO codes missing from states.yaml
  Scripts/import-phoenix.py people  [--dict PATH] [--countries RUS,UKR,...] [--since 2000]
                                                    # candidate people (pack format), minus those already in the pack
  Scripts/import-phoenix.py validate                # validate the pack (also reports alias collisions and counts)

Phoenix format: an actor line `SERGEY_LAVROV_  # comment`, alias lines `+LAVROV`, and role lines
`[RUSGOV >20040309]  # Foreign Minister` (country + sector code, dates YYMMDD or YYYYMMDD,
`>` = from, `<` = until, `A-B` = range). Names are upper case with `_` for spaces.
Only the (MIT-licensed) source file is read; no copy of it is written.
"""
import argparse, collections, glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACK = os.path.join(ROOT, 'Sources/KremlinologyExtract/Resources/actors')
DEFAULT_DICT = '/work/shared/dictionaries/Phoenix.Countries.actors.txt'
FIELD = 'RUS,UKR,BLR,GEO,MDA,ARM,AZE,KAZ,KGZ,TJK,TKM,UZB,EST,LVA,LTU,POL,FIN,USA,GBR,FRA,DEU,CHN,TUR,IRN,SYR,HUN,SRB'
# sector code -> role of the pack's vocabulary (first match wins); comments refine it
SECTOR_ROLE = [('SPY', 'intelligence chief'), ('MIL', 'military commander'), ('LEG', 'legislator'),
               ('OPP', 'opposition leader'), ('MED', 'journalist'), ('BUS', 'executive'),
               ('GOV', 'official'), ('ELI', None)]
COMMENT_ROLE = [(r'foreign minister|foreign affairs|sec(retary)? ?(of )?state\b', 'foreign minister'),
                (r'defen[cs]e minister|sec ?def|secretary of defen', 'defence minister'),
                (r'interior minister|home secretary', 'interior minister'),
                (r'finance minister|min\.? of fin|treasury', 'finance minister'),
                (r'prime minister|\bpm\b|premier|chancellor', 'head of government'),
                (r'president|head of state|supreme leader|king|emir', 'head of state'),
                (r'amb\.?|ambassador', 'ambassador'), (r'spokes', 'spokesperson'),
                (r'national security advis', 'adviser'), (r'chief of staff', 'chief of staff')]
SMALL = {'of', 'the', 'de', 'da', 'von', 'van', 'der', 'al', 'bin', 'el', 'la', 'le', 'du'}

def title(token):
    """SERGEY_LAVROV_ -> Sergey Lavrov; keeps initials and hyphens readable."""
    words = [w for w in token.strip().strip('_').split('_') if w]
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in SMALL: out.append(lw); continue
        out.append('-'.join(p[:1].upper() + p[1:] for p in lw.split('-')))
    return ' '.join(out)

def pdate(s, end=False):
    s = s.strip()
    if not s: return None
    if len(s) == 6: s = ('19' if int(s[:2]) > 30 else '20') + s
    if len(s) != 8 or not s.isdigit(): return None
    y, m, d = s[:4], s[4:6], s[6:8]
    if m == '00': m, d = ('12', '31') if end else ('01', '01')
    if d == '00': d = '28' if end else '01'
    return f'{y}-{m}-{d}'

def parse(path):
    """Yield dicts {name, aliases, roles:[(code, from, until, comment)], line, country_header}."""
    cur = None; header_iso = None
    for n, raw in enumerate(open(path, encoding='utf-8', errors='replace'), 1):
        line = raw.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'): continue
        body, _, comment = line.partition('#')
        m = re.match(r'^([A-Z][^\s\[]*)\s*\[([A-Z]{3})\]\s*$', body.strip())
        if m and not line.startswith(('+', '\t', ' ')):          # country header: NAME_ [ISO]
            header_iso = m.group(2)
            if cur: yield cur
            cur = {'name': m.group(1), 'iso': header_iso, 'aliases': [], 'roles': [], 'state': True, 'line': n}
            continue
        if line.startswith('+'):
            if cur: cur['aliases'].append(body[1:].strip())
            continue
        if line.startswith(('\t', ' ')) and body.strip().startswith('['):
            for code, dates in re.findall(r'\[([A-Z]{3,12})\s*([^\]]*)\]', body):
                fr = un = None; dates = dates.strip()
                if dates.startswith('>'): fr = pdate(dates[1:])
                elif dates.startswith('<'): un = pdate(dates[1:], True)
                elif '-' in dates:
                    a, b = dates.split('-', 1); fr, un = pdate(a), pdate(b, True)
                if cur: cur['roles'].append((code, fr, un, comment.strip()))
            continue
        if not line.startswith(('\t', ' ')) and body.strip():
            if cur: yield cur
            cur = {'name': body.strip(), 'iso': header_iso, 'aliases': [], 'roles': [], 'state': False, 'line': n}
    if cur: yield cur

def load_pack():
    import yaml
    entries = []
    for fn in sorted(glob.glob(os.path.join(PACK, '*.yaml'))):
        entries += yaml.safe_load(open(fn, encoding='utf-8')) or []
    return entries

def role_for(code, comment):
    for pat, role in COMMENT_ROLE:
        if comment and re.search(pat, comment, re.I): return role
    sector = code[3:6]
    for s, role in SECTOR_ROLE:
        if sector == s: return role
    return None

def cmd_states(args):
    pack = load_pack()
    have = {e.get('country') for e in pack if e.get('kind') == 'state'}
    for a in parse(args.dict):
        if a['state'] and a['iso'] not in have:
            print(f"{a['iso']}  {title(a['name'])}  (line {a['line']}; aliases: {', '.join(title(x) for x in a['aliases'][:6])})")

def q(s): return '"' + s.replace('"', '\\"') + '"' if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", s) else s

def cmd_people(args):
    pack = load_pack()
    known = set()
    for e in pack:
        for s in [e['name']] + (e.get('aliases') or []): known.add(s.casefold())
    state_name = {e['country']: e['name'] for e in pack if e.get('kind') == 'state' and e.get('country')}
    want = set(args.countries.split(','))
    n = 0
    for a in parse(args.dict):
        if a['state'] or not a['roles']: continue
        name = title(a['name'])
        if len(name.split()) < 2 or name.casefold() in known: continue
        affs = []
        for code, fr, un, comment in a['roles']:
            iso = code[:3]
            if iso not in want or iso not in state_name: continue
            if un and un[:4] < args.since: continue
            role = role_for(code, comment)
            if not role: continue
            affs.append((state_name[iso], role, fr, un, comment))
        if not affs: continue
        aliases = []
        for x in a['aliases']:
            t = title(x)
            if len(t.split()) <= 3 and t.casefold() not in known and t != name and not re.search(r'(?i)president|minister|ambassador|secretary|general|chief', t):
                aliases.append(t)
        n += 1
        print(f'- name: {q(name)}\n  kind: person\n  country: {code[:3]}')
        if aliases: print('  aliases: [' + ', '.join(q(x) for x in aliases) + ']')
        print('  affiliations:  # Phoenix line %d' % a['line'])
        for org, role, fr, un, comment in affs:
            parts = [f'organization: {q(org)}', f'role: {role}'] + ([f'from: "{fr}"'] if fr else []) + ([f'until: "{un}"'] if un else [])
            print('    - {' + ', '.join(parts) + '}' + (f'  # {comment}' if comment else ''))
    print(f'# {n} candidates; review before copying into people.yaml', file=sys.stderr)

def cmd_validate(args):
    """Check the pack: parses, kinds, roles, affiliation targets, unique names, alias collisions."""
    import yaml
    D = PACK
    ROLES = set("""head of state|head of government|foreign minister|defence minister|interior minister|finance minister|spokesperson|security council secretary|intelligence chief|military commander|chief of staff|adviser|ambassador|official|legislator|party leader|opposition leader|oligarch|owner|executive|journalist|analyst|member|secretary general|central bank chief|mayor|governor|monarch|religious leader""".split('|'))
    KINDS = {'state','person','organization','bloc','group'}
    all_e = []; errs = []
    for fn in sorted(glob.glob(D + '/*.yaml')):
        data = yaml.safe_load(open(fn, encoding='utf-8'))
        if not isinstance(data, list): errs.append(f'{fn}: not a list'); continue
        for e in data:
            e['_file'] = fn.split('/')[-1]; all_e.append(e)
    names = collections.Counter(e.get('name') for e in all_e)
    for n, c in names.items():
        if c > 1: errs.append(f'duplicate name: {n}')
    nameset = set(names)
    kind_of = {e['name']: e['kind'] for e in all_e if 'name' in e and 'kind' in e}
    qids = collections.defaultdict(list)
    for e in all_e:
        if not e.get('name') or not e.get('kind'): errs.append(f'missing name/kind: {e}'); continue
        if e['kind'] not in KINDS: errs.append(f"{e['name']}: bad kind {e['kind']}")
        if e.get('wikidata'):
            if not re.match(r'^Q\d+$', str(e['wikidata'])): errs.append(f"{e['name']}: bad wikidata")
            qids[e['wikidata']].append(e['name'])
        if e.get('country') and not re.match(r'^[A-Z]{3}$', str(e['country'])): errs.append(f"{e['name']}: bad country {e['country']}")
        for k in ('aliases','demonyms'):
            v = e.get(k, [])
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v): errs.append(f"{e['name']}: {k} not a list of strings: {v}")
        if e['kind'] == 'state' and not e.get('demonyms'): print(f"note: state without demonyms: {e['name']}")
        for a in e.get('affiliations', []) or []:
            if a.get('organization') not in nameset: errs.append(f"{e['name']}: affiliation to unknown {a.get('organization')}")
            elif kind_of[a['organization']] not in ('state','bloc','organization'): errs.append(f"{e['name']}: affiliation to a {kind_of[a['organization']]}")
            if a.get('role') not in ROLES: errs.append(f"{e['name']}: bad role {a.get('role')}")
            for d in ('from','until'):
                if d in a and not (isinstance(a[d], str) and re.match(r'^\d{4}-\d{2}-\d{2}$', a[d])): errs.append(f"{e['name']}: bad date {a[d]!r}")
            if 'from' in a and 'until' in a and a['from'] > a['until']: errs.append(f"{e['name']}: from > until in {a}")
    for q, ns in qids.items():
        if len(ns) > 1: errs.append(f'wikidata {q} on several entries: {ns}')
    # alias collisions (case-folded) across entries, including canonical names and demonyms
    surf = collections.defaultdict(set)
    for e in all_e:
        for s in [e['name']] + (e.get('aliases') or []) + (e.get('demonyms') or []):
            surf[s.casefold()].add(e['name'])
    coll = {s: sorted(ns) for s, ns in surf.items() if len(ns) > 1}
    print('entries per kind:', dict(collections.Counter(e['kind'] for e in all_e)))
    print('entries per file:', dict(collections.Counter(e['_file'] for e in all_e)))
    print('total surface forms:', len(surf))
    print(f'alias collisions: {len(coll)}')
    for s, ns in sorted(coll.items()): print(f'  {s!r}: {ns}')
    print(f'errors: {len(errs)}')
    for x in errs: print('  ' + x)
    return 1 if errs else 0

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('mode', choices=['states', 'people', 'validate'])
    ap.add_argument('--dict', default=DEFAULT_DICT)
    ap.add_argument('--countries', default=FIELD)
    ap.add_argument('--since', default='2000', help='drop roles that ended before this year')
    args = ap.parse_args()
    sys.exit({'states': cmd_states, 'people': cmd_people, 'validate': cmd_validate}[args.mode](args) or 0)

if __name__ == '__main__':
    main()

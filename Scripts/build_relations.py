#!/usr/bin/env python3
"""Builds the relation lexicon of the knowledge pack.

  Scripts/build_relations.py [SHARED_DIR]

- Sources/KremlinologyExtract/Resources/relations.tsv      from Scripts/curated_relations.txt
  (hand-written patterns: TYPE|KIND|pattern;pattern;...)
- Sources/KremlinologyExtract/Resources/relations-cameo.tsv from SHARED_DIR/dictionaries/CAMEO.2.0.txt
  (PETRARCH's CAMEO verb dictionary, MIT licence, Open Event Data Alliance), CAMEO root codes
  mapped to PLOVER types as the PLOVER manual says (01/02 dropped). Each verb block's default
  code gives one entry per verb; a block's simple patterns `- * WORD ... [code]` give
  `verb * word ...` entries. Overly generic verbs are left out (see SKIP).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RES = os.path.join(ROOT, "Sources", "KremlinologyExtract", "Resources")
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")

HEADER = """# {name} — the relation lexicon: which words and phrases express which relation type.
#
# Format: TYPE <TAB> KIND <TAB> PATTERN [<TAB> OPTIONS], one entry a line; '#' starts a comment.
#   TYPE     one of ONTOLOGY.md's 24 types (AGREE ... ASSAULT, TRUST ... LEVERAGE).
#   KIND     verb    the head word is a verb base form; -s/-ed/-ing forms are generated, irregular
#                    forms go in braces right after it: shoot{{shot}} down * plan. Subject = source,
#                    object = target; "was attacked by X" swaps them.
#            noun    the head is a noun (plural generated): source from a possessive ("Russia's
#                    annexation of"), a name or demonym before it ("EU sanctions", "Russian
#                    invasion"), "by X", or the clause subject; target after it.
#                    "between A, B and C" makes A the source of B and C.
#            phrase  fixed words, read like a verb, not inflected.
#   PATTERN  words matched case-insensitively; '*' is a gap of up to 6 words where the target
#            usually stands ("consider * enemy" matches "considers Alexei Navalny an enemy").
#   OPTIONS  comma-separated: sym (symmetric: "A and B met" relates A to B).
# The longest pattern at a word wins; hand-written entries (relations.tsv) win over converted
# ones (relations-cameo.tsv) of the same length. A --pack directory may add relations-*.tsv files.
"""

SYM_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# "disappointed by", "alarmed by": feelings whose subject is the source, not passives.
EMOTION_TYPES = {"DISAPPROVE", "FEAR", "RESPECT", "DISTRUST", "HOSTILITY"}
PHRASE_HEADS = {"be", "is", "are", "was", "were", "been", "not", "no", "do", "did", "does", "don't", "didn't",
                "doesn't", "open", "ready", "disappointed", "dismayed", "angered", "outraged", "threatened", "willing", "active", "implicated", "targeted", "afraid", "wary",
                "scared", "terrified", "alarmed", "suspicious", "in", "friendly", "calls", "called", "supporting",
                "supported", "used", "trusts", "trust", "signed", "unreliable", "worthless", "mocked", "slammed",
                "returning", "expelling", "suspended", "rendered", "meddling", "interfering", "leaking", "coup",
                "cautious", "grumbling", "want", "wanted", "wants", "integrated", "fears", "most", "possesses",
                "advocating", "waging", "using", "trusted", "close", "closest", "inner", "right-hand", "right",
                "anti-western", "anti-american", "anti-nato", "cold", "cultural", "irrepressible", "irrepresible",
                "large-scale", "large", "hot", "military", "special", "joint", "strategic", "human", "drug", "arms",
                "money", "general", "troop", "eastward", "nato", "show", "provocative", "sanctions", "lifting",
                "easing", "prisoner", "peace", "ceasefire", "phone", "memorandum", "high", "role", "alter",
                "financial", "humanitarian", "economic", "election", "efforts", "attempts", "attempt", "drive",
                "storm", "levers", "compromising", "kompromat", "hybrid", "frozen", "air", "guarantees", "reliable"}


def curated():
    out = []
    with open(os.path.join(HERE, "curated_relations.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            typ, kind, pats = line.split("|", 2)
            for p in pats.split(";"):
                p = p.strip()
                if not p:
                    continue
                head = re.split(r"[ {]", p, 1)[0]
                k = kind
                if kind == "verb" and head in PHRASE_HEADS:
                    k = "phrase"
                if kind == "noun" and head in PHRASE_HEADS and " " in p:
                    k = "phrase" if head in {"not", "no", "in", "trusts", "trust", "do", "did", "does"} else "noun"
                opts = "sym" if typ in SYM_TYPES and (" " not in p or kind == "verb") else ""
                if p.endswith(" by") and head.endswith("ed") and typ in EMOTION_TYPES:
                    k, opts = "phrase", "active"
                out.append((typ, k, p, opts))
    return out


def plover(code):
    code = code.split(":")[0].strip()
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if root in (1, 2) or root == 0:
        return None
    if root == 8:
        sub = int(code[:3]) if len(code) >= 3 and code[:3].isdigit() else 80
        return "RETREAT" if sub >= 84 else "CONCEDE"
    return {3: "AGREE", 4: "CONSULT", 5: "SUPPORT", 6: "COOPERATE", 7: "AID", 9: "INVESTIGATE", 10: "DEMAND",
            11: "DISAPPROVE", 12: "REJECT", 13: "THREATEN", 14: "PROTEST", 15: "MOBILIZE", 16: "SANCTION",
            17: "COERCE", 18: "ASSAULT", 19: "ASSAULT", 20: "ASSAULT"}.get(root)


# Verbs too generic to carry a relation on their own (their specific patterns are kept).
SKIP = {"consider", "introduce", "hear", "observe", "disclose", "influence", "prepare", "signal", "intend", "strive",
        "hope", "arrive", "assemble", "notify", "go", "come", "get", "make", "take", "give", "put", "set", "place",
        "stage", "base", "pose", "position", "post", "situate", "station", "format", "arrange", "look", "appear",
        "seem", "add", "alter", "amend", "change", "modify", "revise", "switch", "reassert", "rejoice", "bless",
        "say", "tell", "report", "state", "note", "write", "show", "see", "find", "keep", "hold", "run", "turn",
        "move", "bring", "leave", "call", "use", "work", "play", "mean", "follow", "begin", "start", "open", "close",
        "end", "stop", "continue", "remain", "stay", "become", "include", "involve", "contain", "carry", "cover",
        "reach", "raise", "lead", "live", "die", "fall", "rise", "grow", "build", "develop", "produce", "create",
        "form", "plan", "schedule", "expect", "want", "need", "try", "seek", "ask", "offer", "pay", "buy", "sell",
        "spend", "cost", "win", "lose", "fill", "return", "send", "receive", "accept", "allow", "let", "help",
        "press", "push", "pull", "drive", "fly", "sail", "ship", "wrap", "cut", "break", "hit", "strike", "fire",
        "release", "free", "charge", "order", "demand", "request", "require", "claim", "deny", "admit", "confirm",
        "decide", "determine", "resolve", "settle", "fix", "solve", "address", "handle", "deal", "manage", "lower",
        "reduce", "increase", "expand", "extend", "boost", "raise", "cite", "quote", "repeat", "predict", "estimate",
        "explain", "decree", "emphasize", "circulate", "confer", "concern", "worry", "allay", "refute", "intrude",
        "suggest", "appeal", "revive", "promise", "pledge", "offer", "cable", "invite", "introduce", "formalize",
        "apologize", "forgive", "thank", "lie", "rest", "sit", "stand", "lay", "spread", "pass", "cross", "enter",
        "exit", "join", "check", "test", "try", "mark", "face", "meet", "visit", "host", "reveal", "exchange",
        "enhance", "supply", "provide", "serve", "feed", "drop", "lift", "carry", "pick", "gather", "collect",
        "record", "register", "list", "name", "elect", "vote", "count", "measure", "weigh", "draw", "paint",
        "print", "publish", "issue", "air", "broadcast", "display", "present", "introduce", "launch", "unveil",
        "release", "express", "voice", "signal", "indicate", "point", "mention", "discuss", "describe", "define",
        "regard", "view", "treat", "value", "allege", "announce", "declare", "comment", "deem", "rate", "rank", "class", "label", "term", "dub", "title"}


FUNCTION_WORDS = {"to", "with", "for", "in", "on", "at", "of", "from", "by", "against", "into", "over", "about", "up",
                  "down", "out", "off", "back", "away", "the", "a", "an", "as", "that", "it", "its", "their", "his", "her"}
# Speech verbs: their patterns are about what is said, not done.
SPEECH = {"say", "tell", "report", "state", "note", "write", "announce", "declare", "add", "claim", "indicate", "express",
          "voice", "reveal", "show", "describe", "mention", "quote", "cite", "allege", "comment", "remark", "stress"}


# A CAMEO verb alone ("direct", "engage", "approach") says too little outside news wires: only its
# patterns with an object noun are converted; single verbs come from the curated list.
INCLUDE_SINGLE_VERBS = False


def cameo(path):
    out = []
    if not os.path.exists(path):
        return out
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    i = 0
    in_patterns = False
    block_code = None
    verbs = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_patterns = True
            continue
        if not in_patterns or not line.strip():
            continue
        # A block header: "---  BLAME   [112]  ---". Four headers close the code with no space
        # ("[120]---  ---"); missing them once made a block inherit the verbs of the block before.
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if m:
            block_code = plover(m.group(2))
            verbs = []
            continue
        if line.startswith("-"):
            pm = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]", line)
            if not pm:
                continue
            typ = plover(pm.group(2))
            body = pm.group(1).strip()
            if not typ or "&" in body or "$" in body or "+" in body or "%" in body or "^" in body:
                continue
            if not body.startswith("*"):
                continue
            words = body[1:].replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split()
            if not words or any(not re.match(r"^[A-Z_'-]+$", w) for w in words):
                continue
            words = [w.lower().replace("_", " ").strip() for w in words]
            if all(w in FUNCTION_WORDS for w in " ".join(words).split()):
                continue  # "verb * to": too weak to tell the event
            for v in verbs:
                if v.split("{")[0] in SPEECH:
                    continue
                out.append((typ, "verb", f"{v} * {' '.join(words)}", ""))
            continue
        if line.startswith("+"):
            continue  # multi-word forms: left out
        # A verb line: WORD {FORMS}
        vm = re.match(r"^([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?", line.strip())
        if not vm:
            continue
        word = vm.group(1).lower()
        if "_" in word:
            continue
        forms = [f.lower() for f in (vm.group(3) or "").split() if re.match(r"^[A-Z'-]+$", f)]
        spec = word + ("{" + ",".join(forms) + "}" if forms else "")
        verbs.append(spec)
        if block_code and word not in SKIP and INCLUDE_SINGLE_VERBS:
            out.append((block_code, "verb", spec, "sym" if block_code in SYM_TYPES else ""))
    # De-duplicate.
    seen, uniq = set(), []
    for r in out:
        if r[2] not in seen:
            seen.add(r[2])
            uniq.append(r)
    return uniq


def write(name, rows):
    with open(os.path.join(RES, name), "w") as f:
        f.write(HEADER.format(name=name))
        last = None
        for typ, kind, pat, opts in rows:
            if typ != last:
                f.write(f"\n# {typ}\n")
                last = typ
            f.write("\t".join([typ, kind, pat] + ([opts] if opts else [])) + "\n")


if __name__ == "__main__":
    cur = curated()
    write("relations.tsv", cur)
    cam = cameo(os.path.join(SHARED, "dictionaries", "CAMEO.2.0.txt"))
    cam.sort(key=lambda r: r[0])
    write("relations-cameo.tsv", cam)
    print(f"relations.tsv: {len(cur)} entries; relations-cameo.tsv: {len(cam)} entries")

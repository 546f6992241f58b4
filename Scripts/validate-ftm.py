#!/usr/bin/env python3
"""Validates FollowTheMoney entities (JSON Lines, `kremlinology export ftm`) with the
followthemoney library (`pip install followthemoney`).

Every line must be an entity of a known, concrete schema; every property must belong to the
schema and every value must be valid for its type (country codes, dates, URLs, identifiers);
the schema's required properties must be present; and every entity reference must name an
entity of the file whose schema fits the property's range. Prints one line per problem and
exits 1 when there is any, else prints a summary and exits 0.

    Scripts/validate-ftm.py corpus.ftm.jsonl
"""
import json
import sys
from collections import Counter

from followthemoney import model


def main(path):
    entities, problems = {}, []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                data = json.loads(line)
                schema = model.get(data["schema"])
                if schema is None or schema.abstract:
                    raise ValueError(f"unknown or abstract schema {data['schema']!r}")
                model.get_proxy(data, cleaned=False)
            except Exception as error:  # noqa: BLE001 - any failure is the line's problem
                problems.append(f"line {number}: {error}")
                continue
            if data["id"] in entities:
                problems.append(f"line {number}: id {data['id']} is used twice")
            entities[data["id"]] = (number, schema, data["properties"])
    for entity_id, (number, schema, properties) in entities.items():
        for name in schema.required:
            if not properties.get(name):
                problems.append(f"line {number}: {schema.name} lacks its required property {name!r}")
        for name, values in properties.items():
            prop = schema.get(name)
            if prop is None:
                problems.append(f"line {number}: {schema.name} has no property {name!r}")
                continue
            for value in values:
                if not prop.type.validate(value):
                    problems.append(f"line {number}: {name}={value!r} is not a valid {prop.type.name}")
                elif prop.type.name == "entity":
                    target = entities.get(value)
                    if target is None:
                        problems.append(f"line {number}: {name} names {value}, which is not in the file")
                    elif prop.range is not None and not target[1].is_a(prop.range):
                        problems.append(f"line {number}: {name} must be a {prop.range.name}, {value} is a {target[1].name}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    counts = Counter(schema.name for _, schema, _ in entities.values())
    print(f"valid: {len(entities)} entities (" + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

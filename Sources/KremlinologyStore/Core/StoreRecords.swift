import KremlinologyModel

/// Rows to model values and back, written once for both backends.
enum StoreRecords {
    // MARK: - Reading

    static func document(from row: any StoreRow) throws -> Document {
        Document(id: try row.text("id"), path: try row.text("path"), fileName: try row.text("file_name"),
                 title: try row.optionalText("title"), kind: DocumentKind(rawValue: try row.text("kind")) ?? .text,
                 outlet: try row.optionalText("outlet"), republisher: try row.optionalText("republisher"),
                 author: try row.optionalText("author"), published: try row.optionalText("published"),
                 url: try row.optionalText("url"), videoID: try row.optionalText("video_id"))
    }

    static func storedDocument(from row: any StoreRow) throws -> StoredDocument {
        StoredDocument(document: try document(from: row), contentHash: try row.text("content_hash"),
                       byteCount: try row.integer("byte_count"), passageCount: try row.integer("passage_count"),
                       relationCount: try row.integer("relation_count"))
    }

    static func relation(from row: any StoreRow) throws -> Relation {
        let instruments = (JSONText.decode([String].self, from: try row.text("instruments")) ?? []).compactMap(Instrument.init(rawValue:))
        return Relation(
            source: try row.text("source"), sourceWikidata: try row.optionalText("source_wikidata"),
            sourceText: try row.text("source_text"), target: try row.text("target"),
            targetWikidata: try row.optionalText("target_wikidata"), targetText: try row.text("target_text"),
            type: RelationType(rawValue: try row.text("type")) ?? .consult,
            modality: Modality(rawValue: try row.text("modality")) ?? .asserted,
            attribution: try row.optionalText("attribution"), instruments: instruments, time: try row.optionalText("time"),
            location: try row.optionalText("location"),
            quote: try row.text("quote"), range: TextRange(start: try row.integer("start"), end: try row.integer("end")),
            rule: try row.text("rule"))
    }

    static func storedRelation(from row: any StoreRow) throws -> StoredRelation {
        StoredRelation(id: Int64(try row.integer("id")), documentID: try row.text("document_id"),
                       fileName: try row.text("file_name"), outlet: try row.optionalText("outlet"),
                       published: try row.optionalText("published"), relation: try relation(from: row),
                       locator: Locator(timestamp: try row.optionalText("locator"), seconds: try row.optionalInteger("locator_seconds"),
                                        paragraph: try row.optionalInteger("locator_paragraph"),
                                        url: try row.optionalText("locator_url")),
                       sourceKey: try row.text("source_key"),
                       judgement: try row.optionalText("judgement").flatMap(Verdict.init(rawValue:)),
                       judgementNote: try row.optionalText("judgement_note"))
    }

    static func actor(from row: any StoreRow) throws -> Actor {
        Actor(name: try row.text("name"), kind: ActorKind(rawValue: try row.optionalText("kind") ?? "") ?? .group,
              wikidata: try row.optionalText("wikidata"), country: try row.optionalText("country"),
              aliases: JSONText.decode([String].self, from: try row.optionalText("aliases")) ?? [],
              affiliations: JSONText.decode([Affiliation].self, from: try row.optionalText("affiliations")) ?? [],
              reviewed: (try row.optionalInteger("reviewed") ?? 1) != 0)
    }

    static func mention(from row: any StoreRow) throws -> ActorMention {
        ActorMention(actor: try row.text("actor"), text: try row.text("text"),
                     range: TextRange(start: try row.integer("start"), end: try row.integer("end")), rule: try row.text("rule"))
    }

    static func claim(from row: any StoreRow) throws -> Claim {
        Claim(speaker: try row.text("speaker"), quote: try row.text("quote"),
              range: TextRange(start: try row.integer("start"), end: try row.integer("end")),
              modality: Modality(rawValue: try row.text("modality")) ?? .asserted, attribution: try row.optionalText("attribution"))
    }

    static func tie(from row: any StoreRow) throws -> StructuralTie {
        StructuralTie(holder: try row.text("holder"), holderText: try row.text("holder_text"),
                      type: StructuralTieType(rawValue: try row.text("type")) ?? .officialOf,
                      principal: try row.text("principal"), principalText: try row.text("principal_text"),
                      modality: Modality(rawValue: try row.text("modality")) ?? .asserted, quote: try row.text("quote"),
                      range: TextRange(start: try row.integer("start"), end: try row.integer("end")), rule: try row.text("rule"))
    }

    static func storedTie(from row: any StoreRow) throws -> StoredTie {
        StoredTie(id: Int64(try row.integer("id")), documentID: try row.text("document_id"),
                  fileName: try row.text("file_name"), outlet: try row.optionalText("outlet"),
                  published: try row.optionalText("published"), tie: try tie(from: row),
                  locator: Locator(timestamp: try row.optionalText("locator"), seconds: try row.optionalInteger("locator_seconds"),
                                   paragraph: try row.optionalInteger("locator_paragraph"), url: try row.optionalText("locator_url")),
                  sourceKey: try row.text("source_key"))
    }

    // MARK: - Writing

    static func values(of ingested: IngestedDocument, ingestedAt: String) -> [SQLValue] {
        let doc = ingested.document
        return [.text(doc.id), .text(doc.path), .text(doc.fileName), SQLValue(doc.title), .text(doc.kind.rawValue),
                SQLValue(doc.outlet), SQLValue(doc.republisher), SQLValue(doc.author), SQLValue(doc.published), SQLValue(doc.url),
                SQLValue(doc.videoID), .text(ingested.contentHash), .integer(ingested.text.utf8.count), .integer(ingested.passages.count), .text(ingestedAt)]
    }

    static func passageRow(_ passage: Passage, of ingested: IngestedDocument, in dialect: SQLDialect) -> PassageRow {
        PassageRow(values: [.text(ingested.document.id), .integer(passage.index), .integer(passage.range.start),
                            .integer(passage.range.end), SQLValue(passage.section), .text(passage.kind.rawValue),
                            .text(dialect.compactAnchors ? AnchorText.encode(passage.anchors) : JSONText.anchors(passage.anchors))],
                   body: ingested.text.slice(passage.range),
                   isHeading: passage.kind == .heading)
    }

    static func values(of link: TopicLink, passage: Passage, documentID: String) -> [SQLValue] {
        [.text(documentID), .integer(passage.index), .text(link.slug), .text(link.label), .integer(link.range.start),
         .integer(link.range.end)]
    }

    static func values(of actor: Actor) throws -> [SQLValue] {
        [.text(actor.name), .text(actor.kind.rawValue), SQLValue(actor.wikidata), SQLValue(actor.country),
         .text(try JSONText.encode(actor.aliases)), .text(try JSONText.encode(actor.affiliations)), .integer(actor.reviewed ? 1 : 0),
         .text(Transliteration.nameKey(actor.name))]
    }

    static func values(of mention: ActorMention, documentID: String) -> [SQLValue] {
        [.text(documentID), .text(mention.actor), .text(mention.text), .integer(mention.range.start), .integer(mention.range.end),
         .text(mention.rule)]
    }

    static func values(of r: Relation, in ingested: IngestedDocument) -> [SQLValue] {
        let passage = ingested.passage(containing: r.range.start)
        let locator = passage?.locator(at: r.range.start, videoID: ingested.document.videoID)
        return [.text(ingested.document.id), SQLValue(passage?.index), .text(r.source), SQLValue(r.sourceWikidata),
                .text(r.sourceText), .text(r.target), SQLValue(r.targetWikidata), .text(r.targetText), .text(r.type.rawValue),
                .integer(r.polarity), .text(r.modality.rawValue), SQLValue(r.attribution),
                .text(JSONText.strings(r.instruments.map(\.rawValue))), SQLValue(r.time), .text(r.quote),
                .integer(r.range.start), .integer(r.range.end), .text(r.rule), SQLValue(locator?.timestamp),
                SQLValue(locator?.seconds), SQLValue(locator?.paragraph), SQLValue(locator?.url), SQLValue(r.location)]
    }

    static func values(of tie: StructuralTie, in ingested: IngestedDocument) -> [SQLValue] {
        let passage = ingested.passage(containing: tie.range.start)
        let locator = passage?.locator(at: tie.range.start, videoID: ingested.document.videoID)
        return [.text(ingested.document.id), SQLValue(passage?.index), .text(tie.holder), .text(tie.holderText),
                .text(tie.type.rawValue), .text(tie.principal), .text(tie.principalText), .text(tie.modality.rawValue),
                .text(tie.quote), .integer(tie.range.start), .integer(tie.range.end), .text(tie.rule),
                SQLValue(locator?.timestamp), SQLValue(locator?.seconds), SQLValue(locator?.paragraph), SQLValue(locator?.url)]
    }

    static func values(of claim: Claim, documentID: String) -> [SQLValue] {
        [.text(documentID), .text(claim.speaker), .text(claim.quote), .integer(claim.range.start), .integer(claim.range.end),
         .text(claim.modality.rawValue), SQLValue(claim.attribution)]
    }
}

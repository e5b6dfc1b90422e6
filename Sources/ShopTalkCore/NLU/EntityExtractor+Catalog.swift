extension EntityExtractor {
    /// Product models, brands, categories and colours from the store's catalog, then misspelt brands
    /// and categories.
    func matchCatalog(_ found: inout Found, vocabulary: CatalogVocabulary) {
        let index = vocabulary.index
        matchModels(&found, index: index)
        // Phrases keep their order (longest first); only those whose first word is in the message are tried.
        let present = Set(found.tokens.map(\.text))
        matchPhrases(index.brandPhrases, type: Entity.Kind.brand, present: present, &found)
        matchPhrases(index.categoryPhrases, type: Entity.Kind.category, present: present, &found)
        let categories = index.categorySet
        let tokens = found.tokens
        // Category phrases of several words ("air fryer", "running shoes").
        for position in tokens.indices where !found.used.contains(position) && position + 1 < tokens.count {
            let pair = tokens[position].text + " " + tokens[position + 1].text
            let canonical = synonyms[pair] ?? pair
            if let category = EntityTables.categoryPhrases[canonical], categories.contains(category), found.isFree(position...(position + 1)) {
                found.add(Entity.Kind.category, .string(category), position, position + 1)
            }
        }
        let catalogColors = index.colorSet
        for (position, token) in tokens.enumerated() where !found.used.contains(position) && token.kind == .word {
            let canonical = synonyms[token.text] ?? token.text
            if let category = EntityTables.categoryWords[canonical] ?? EntityTables.categoryWords[token.text], categories.contains(category) {
                found.add(Entity.Kind.category, .string(category), position, position)
            } else if let color = Self.color(token.text, catalogColors: catalogColors, known: colors) {
                // "navy blue", "dirty green", "off white": the modifier belongs to the colour.
                let previous = position > 0 ? tokens[position - 1].text : ""
                let first = EntityTables.colorModifiers.contains(previous) && !found.used.contains(position - 1) ? position - 1 : position
                found.add(Entity.Kind.color, .string(previous == "navy" && color == "blue" ? "navy" : color), first, position)
            }
        }
        matchTypos(&found, index: index)
    }

    /// The colour a word names: the catalog's own colour word when it has it ("olive" in a shop that
    /// lists olive), else its base colour ("olive" → green).
    static func color(_ word: String, catalogColors: Set<String>, known: Set<String>) -> String? {
        if catalogColors.contains(word) { return word }
        if word == "gray" { return "grey" }
        if known.contains(word) { return word }
        return EntityTables.colorShades[word]
    }

    /// Multi-word catalog names, longest first, on whole-token boundaries.
    private func matchPhrases(_ phrases: [([String], String)], type: String, present: Set<String>, _ found: inout Found) {
        let tokens = found.tokens
        for (words, name) in phrases where words.count <= tokens.count && present.contains(words[0]) {
            for start in 0...(tokens.count - words.count) {
                let range = start...(start + words.count - 1)
                guard found.isFree(range) else { continue }
                if zip(tokens[range], words).allSatisfy({ $0.text == $1 }) {
                    found.add(type, .string(name), range.lowerBound, range.upperBound)
                }
            }
        }
    }

    /// Product models: the longest model key whose words appear in order, completely or by at least
    /// two leading words ("galaxy s24", "wh-1000xm5", "iphone 15 pro").
    private func matchModels(_ found: inout Found, index: CatalogIndex) {
        let tokens = found.tokens
        var position = 0
        while position < tokens.count {
            guard !found.used.contains(position), let candidates = index.modelsByFirstWord[tokens[position].text] else {
                position += 1
                continue
            }
            var best: (length: Int, key: CatalogIndex.ModelKey)?
            for key in candidates {
                var length = 0
                while length < key.words.count, position + length < tokens.count,
                      !found.used.contains(position + length), tokens[position + length].text == key.words[length] {
                    length += 1
                }
                let complete = length == key.words.count
                // One leading word is enough when it starts only this model and is no ordinary word
                // ("ultraboost" for the Ultraboost Light Running; not "galaxy", which starts many).
                let distinctive = length == 1 && candidates.count == 1 && key.words[0].count >= 5
                    && !EntityTables.commonWords.contains(key.words[0])
                guard complete || length >= 2 || distinctive else { continue }
                if let current = best {
                    let currentComplete = current.length == current.key.words.count
                    if length > current.length || (length == current.length && complete && !currentComplete) {
                        best = (length, key)
                    }
                } else {
                    best = (length, key)
                }
            }
            if let best {
                let display = best.key.words.count == best.length
                    ? best.key.display
                    : Tokenizer.tokenize(best.key.display).filter { $0.kind != .symbol }.prefix(best.length).map(\.original).joined(separator: " ")
                found.add(Entity.Kind.product, .string(display), position, position + best.length - 1)
                position += best.length
            } else {
                position += 1
            }
        }
    }

    /// Misspelt brands and categories ("samsnug", "addidas", "hedphones", "lenvo"): the closest catalog
    /// word within the allowance for its length, starting with the same letter, the more frequent on a
    /// tie. Short words, common English words and greetings, thanks or farewells ("hola" is not "Hoka") are
    /// never corrected.
    private func matchTypos(_ found: inout Found, index: CatalogIndex) {
        for (position, token) in found.tokens.enumerated() where !found.used.contains(position) && token.kind == .word {
            let word = token.text
            let allowance = EditDistance.allowance(forLength: word.count)
            guard allowance > 0, !EntityTables.commonWords.contains(word), !SocialFormula.words.contains(word),
                  !index.knownWords.contains(word), synonyms[word] == nil, !colors.contains(word)
            else { continue }
            let bytes = Array(word.utf8)
            var best: (distance: Int, candidate: CatalogIndex.FuzzyCandidate)?
            for candidate in index.fuzzy where candidate.bytes.first == bytes.first {
                guard let distance = EditDistance.distance(bytes, candidate.bytes, limit: allowance) else { continue }
                if best == nil || distance < best!.distance
                    || (distance == best!.distance && candidate.frequency > best!.candidate.frequency) {
                    best = (distance, candidate)
                }
            }
            if let best {
                found.add(best.candidate.type, .string(best.candidate.value), position, position)
            }
        }
    }
}

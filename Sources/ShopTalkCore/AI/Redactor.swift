/// Removes personal data before anything is sent to a language model: email addresses, phone numbers,
/// card-like numbers and the store's customers' names.
public enum Redactor {
    public static func redact(_ text: String, names: [String] = []) -> String {
        var scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func isDigitLike(_ scalar: Unicode.Scalar) -> Bool { Tokenizer.isDigit(scalar) || scalar == " " || scalar == "-" || scalar == "(" || scalar == ")" || scalar == "+" || scalar == "." }
        while index < scalars.count {
            // Emails: a run of address characters around an @.
            if scalars[index] == "@" {
                var start = output.count
                let allowed = { (s: Unicode.Scalar) in Tokenizer.isAlphanumeric(s) || "._%+-".unicodeScalars.contains(s) }
                var outputScalars = Array(output)
                while start > 0, allowed(outputScalars[start - 1]) { start -= 1 }
                var end = index + 1
                while end < scalars.count, allowed(scalars[end]) { end += 1 }
                if start < outputScalars.count, end > index + 1 {
                    outputScalars.removeSubrange(start..<outputScalars.count)
                    output = String.UnicodeScalarView(outputScalars)
                    output.append(contentsOf: "[email]".unicodeScalars)
                    index = end
                    continue
                }
                outputScalars = []
            }
            // Phone and card numbers: 7 or more digits, allowing separators.
            if Tokenizer.isDigit(scalars[index]) || (scalars[index] == "+" && index + 1 < scalars.count && Tokenizer.isDigit(scalars[index + 1])) {
                var end = index
                var digits = 0
                while end < scalars.count, isDigitLike(scalars[end]) {
                    if Tokenizer.isDigit(scalars[end]) { digits += 1 }
                    end += 1
                }
                while end > index, !Tokenizer.isDigit(scalars[end - 1]) { end -= 1 }
                if digits >= 13 && digits <= 19 {
                    output.append(contentsOf: "[card]".unicodeScalars)
                    index = end
                    continue
                } else if digits >= 7 && digits < 13 && !scalars[index..<end].contains(".") {
                    output.append(contentsOf: "[phone]".unicodeScalars)
                    index = end
                    continue
                }
            }
            output.append(scalars[index])
            index += 1
        }
        var result = String(output)
        for name in names where name.count >= 3 {
            result = result.replacingOccurrences(of: name, with: "[name]", options: .caseInsensitive)
        }
        scalars = []
        return result
    }
}

import Foundation

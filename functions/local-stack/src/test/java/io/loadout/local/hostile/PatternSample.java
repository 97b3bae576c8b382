package io.loadout.local.hostile;

import java.util.regex.Pattern;

/**
 * The shortest string a simple regular expression (an OpenAPI {@code pattern} from {@code @Pattern}) matches in
 * full: the first alternative of each choice, the first character of each class, the minimum of each quantifier.
 * Good enough for the patterns bean validation puts into the document; the result is checked, "x" otherwise.
 */
final class PatternSample {

    private final String regex;
    private int at;

    private PatternSample(String regex) {
        this.regex = regex;
    }

    static String of(String regex) {
        try {
            String sample = new PatternSample(regex).alternatives();
            return Pattern.matches(regex, sample) ? sample : "x";
        } catch (RuntimeException e) {
            return "x";
        }
    }

    private String alternatives() {
        String first = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            sequence();
        }
        return first;
    }

    private String sequence() {
        var out = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            String atom = atom();
            out.append(atom.repeat(minimumRepeat()));
        }
        return out.toString();
    }

    private String atom() {
        char c = regex.charAt(at++);
        return switch (c) {
            case '(' -> {
                if (regex.startsWith("?:", at)) {
                    at += 2;
                }
                String inner = alternatives();
                at++; // ')'
                yield inner;
            }
            case '[' -> characterClass();
            case '\\' -> escaped(regex.charAt(at++));
            case '.' -> "x";
            case '^', '$' -> "";
            default -> String.valueOf(c);
        };
    }

    private String characterClass() {
        boolean negated = regex.charAt(at) == '^';
        if (negated) {
            at++;
        }
        char first = regex.charAt(at) == '\\' ? escaped(regex.charAt(++at)).charAt(0) : regex.charAt(at);
        int close = regex.indexOf(']', at + 1);
        at = close + 1;
        return negated ? "x" : String.valueOf(first);
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'd' -> "0";
            case 'w', 'S', 'D' -> "x";
            case 's' -> " ";
            default -> String.valueOf(c);
        };
    }

    private int minimumRepeat() {
        if (at >= regex.length()) {
            return 1;
        }
        char q = regex.charAt(at);
        if (q == '?' || q == '*') {
            at++;
            return 0;
        }
        if (q == '+') {
            at++;
            return 1;
        }
        if (q == '{') {
            int close = regex.indexOf('}', at);
            String[] bounds = regex.substring(at + 1, close).split(",");
            at = close + 1;
            return Integer.parseInt(bounds[0].strip());
        }
        return 1;
    }
}

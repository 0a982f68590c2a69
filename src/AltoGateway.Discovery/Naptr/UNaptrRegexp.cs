using System.Text;

namespace AltoGateway.Discovery.Naptr;

/// <summary>
/// The regexp field of a U-NAPTR: delim-char ere delim-char repl delim-char *flags (RFC 3402 §3.2), where
/// U-NAPTR allows only the match-everything ERE ".*" and a literal URI as the substitution (RFC 4848 §2.1),
/// so "!.*!https://alto1.example.net/ird!" yields "https://alto1.example.net/ird". The delimiter is the first
/// character; inside the substitution it and the backslash are written escaped ("\!", "\\").
/// </summary>
public static class UNaptrRegexp
{
    private const string MatchAll = ".*";

    /// <summary>Extracts the substitution string; it is not yet checked to be a URI.</summary>
    public static bool TryReadSubstitution(string? regexp, out string substitution, out UNaptrError error)
    {
        substitution = string.Empty;
        if (string.IsNullOrEmpty(regexp))
        {
            error = UNaptrError.EmptyRegexp;
            return false;
        }

        // RFC 3402 §3.2: delim-char is any character except POS-DIGIT, a flag ("i") and the backslash.
        var delimiter = regexp[0];
        if (char.IsAsciiDigit(delimiter) || delimiter is '\\' or 'i' or 'I')
        {
            error = UNaptrError.BadDelimiter;
            return false;
        }

        var ereEnd = regexp.IndexOf(delimiter, 1);
        if (ereEnd < 0)
        {
            error = UNaptrError.UnterminatedRegexp;
            return false;
        }

        if (!regexp.AsSpan(1, ereEnd - 1).SequenceEqual(MatchAll))
        {
            error = UNaptrError.NotMatchAll;
            return false;
        }

        var text = new StringBuilder(regexp.Length);
        for (var i = ereEnd + 1; i < regexp.Length; i++)
        {
            var c = regexp[i];
            if (c == delimiter)
            {
                return Finish(regexp.AsSpan(i + 1), text, out substitution, out error);
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (++i == regexp.Length)
            {
                break;
            }

            var escaped = regexp[i];
            if (escaped is >= '1' and <= '9')
            {
                error = UNaptrError.BackReference;
                return false;
            }

            if (escaped != '\\' && escaped != delimiter)
            {
                error = UNaptrError.BadEscape;
                return false;
            }

            text.Append(escaped);
        }

        error = UNaptrError.UnterminatedRegexp;
        return false;
    }

    // After the final delimiter only the case-insensitivity flag "i" may follow; with ".*" it changes nothing.
    private static bool Finish(ReadOnlySpan<char> flags, StringBuilder text, out string substitution, out UNaptrError error)
    {
        if (!flags.IsEmpty && !(flags.Length == 1 && flags[0] is 'i'))
        {
            substitution = string.Empty;
            error = UNaptrError.TrailingCharacters;
            return false;
        }

        substitution = text.ToString();
        error = UNaptrError.None;
        return true;
    }
}
